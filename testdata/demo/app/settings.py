DEBUG = False
# Synthetic token in GitHub's documented classic format (random part + CRC32).
GITHUB_TOKEN = "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"
DATABASE_URL = "postgres://app:Zq8vN2rT4wLx7Kp@db.internal:5432/app"
