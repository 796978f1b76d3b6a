DEBUG = False
# Synthetic token in GitHub's documented classic format.
GITHUB_TOKEN = "ghp_R4nd0mS7r1ngTh4tL00ksL1k3AT0k3n9Z2xQ"
DATABASE_URL = "postgres://app:s3cr3t-Pa55w0rd@db.internal:5432/app"
