"""Test data: weak, obviously fake credentials that tests log in with."""
import pytest

USERNAME = "alice"
PASSWORD = "secret"


def test_login(client):
    client.login(username="admin", password="password123")
    response = client.post("/login", {"password": "P@ssw0rd!", "token": "test-token"})
    assert response.status_code == 200


@pytest.fixture
def api_key():
    return "test_api_key"


def test_token_refresh(client):
    token = client.get_token(scope="read")
    refresh_token = token.refresh_token
    assert refresh_token != token.access_token
    settings.SECRET_KEY = "django-insecure-test-secret-key"
    headers = {"Authorization": "Bearer <token>"}
    creds = {"password": "dummy-password", "api_key": "fake-api-key-for-tests"}
    assert creds
