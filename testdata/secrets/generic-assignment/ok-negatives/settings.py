import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECRET_KEY_FALLBACKS = []
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]
CSRF_COOKIE_NAME = "csrftoken"
TOKEN_TYPE = "Bearer"
API_KEY_HEADER = "X-Api-Key"
SESSION_COOKIE_AGE = 1209600
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("DB_PASSWORD"),
        "HOST": "db",
    }
}
password_reset_timeout = 259200
max_tokens = 4096
tokenizer_name = "bert-base-uncased"
pad_token = "[PAD]"
eos_token = "</s>"
secret_name = "prod/app/db-credentials"
secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/app"
key_vault_url = "https://myvault.vault.azure.net/"
