"""Code that handles passwords without containing any."""


class EmailBackend:
    def authenticate(self, request, username=None, password=None):
        return None

    async def aauthenticate(self, request, username=None, password=None):
        return None


def login_view(request):
    user = authenticate(request, username=request.POST["user"], password=request.POST["pass_word"])
    backend = smtp.EmailBackend(username="not empty", password="not empty")
    return user


# A stored hash is what should be in code, not a password.
ADMIN_PASSWORD = "pbkdf2_sha256$100000$WmYnTKh0qXk1$Zp6BvrG9Uy3Lm1c2Q8dT5nA7wK4sJ0eH9rF2xV6bN3o="
legacy_hash = {"password": "$2b$12$KIXQJf8n4V1uY3cT7mR2Oe9qW5hL0sD6aG8pZ1xC4vB7nM3kJ2iE."}
DATABASES = {"other": {"NAME": "other", "USER": "admin", "PASSWORD": "veryPriv@ate"}}
token = XRegExp.cache[pattern]
