"""Settings for a service: hard-coded credentials of every kind (synthetic values)."""
import os

# tollgate-expect: secrets/github-pat value=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
GITHUB_TOKEN = "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"

# tollgate-expect: secrets/generic-assignment value=UjaT4HxR3NOpL8wOnwMW0V98HGF63aJN
API_KEY = "UjaT4HxR3NOpL8wOnwMW0V98HGF63aJN"

# tollgate-expect: secrets/generic-assignment value=e22af0d697d1a5fa718ceca3c1d565802d4cb260
client_secret = 'e22af0d697d1a5fa718ceca3c1d565802d4cb260'

# tollgate-expect: secrets/url-credentials value=Tq8#vL2mZ9xR
DATABASE_URL = "postgresql://billing:Tq8#vL2mZ9xR@db.billing.internal:5432/billing"

# tollgate-expect: secrets/url-credentials value=hV3pQ9wLz7Kc
CELERY_BROKER_URL = "amqp://worker:hV3pQ9wLz7Kc@rabbit.internal:5672//"

# tollgate-expect: secrets/jwt value=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTczMTAwMDAwMCwic2NvcGUiOiJhZG1pbiJ9.e9FWBQH3s3TNBChiyrvZyeZkgkLchBZCdzC1iTsmvm_
SERVICE_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTczMTAwMDAwMCwic2NvcGUiOiJhZG1pbiJ9.e9FWBQH3s3TNBChiyrvZyeZkgkLchBZCdzC1iTsmvm_"


def headers():
    # tollgate-expect: secrets/jwt value=eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2F1dGguaW50ZXJuYWwiLCJhdWQiOiJhcGkiLCJleHAiOjE4OTM0NTYwMDB9.oCBx_fXpFHZnJ3kvToLp0EVrKAscfrUIFA1Na0yq7uO
    return {"Authorization": "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2F1dGguaW50ZXJuYWwiLCJhdWQiOiJhcGkiLCJleHAiOjE4OTM0NTYwMDB9.oCBx_fXpFHZnJ3kvToLp0EVrKAscfrUIFA1Na0yq7uO"}


class Config:
    # tollgate-expect: secrets/generic-assignment value=N4r!8kWq2ZpE
    db_password: str = "N4r!8kWq2ZpE"
    api_key_from_env = os.environ.get("API_KEY")
