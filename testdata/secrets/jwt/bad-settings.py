# check: secrets
"""Settings for a service: hard-coded credentials of every kind (synthetic values)."""
import os

# expect: secrets/github-pat ghp_ragg
GITHUB_TOKEN = "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"

# expect: secrets/generic-assignment UjaT4HxR
API_KEY = "UjaT4HxR3NOpL8wOnwMW0V98HGF63aJN"

# expect: secrets/generic-assignment e22af0d6
client_secret = 'e22af0d697d1a5fa718ceca3c1d565802d4cb260'

# expect: secrets/url-credentials Tq8#vL2m
DATABASE_URL = "postgresql://billing:Tq8#vL2mZ9xR@db.billing.internal:5432/billing"

# expect: secrets/url-credentials hV3pQ9wL
CELERY_BROKER_URL = "amqp://worker:hV3pQ9wLz7Kc@rabbit.internal:5672//"

# expect: secrets/jwt eyJhbGci
SERVICE_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTczMTAwMDAwMCwic2NvcGUiOiJhZG1pbiJ9.e9FWBQH3s3TNBChiyrvZyeZkgkLchBZCdzC1iTsmvm_"


def headers():
    # expect: secrets/jwt eyJhbGci
    return {"Authorization": "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2F1dGguaW50ZXJuYWwiLCJhdWQiOiJhcGkiLCJleHAiOjE4OTM0NTYwMDB9.oCBx_fXpFHZnJ3kvToLp0EVrKAscfrUIFA1Na0yq7uO"}


class Config:
    # expect: secrets/generic-assignment N4r!8kWq
    db_password: str = "N4r!8kWq2ZpE"
    api_key_from_env = os.environ.get("API_KEY")
