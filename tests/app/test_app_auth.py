"""The teacher password: where it comes from, and that a broken secrets file never opens the view."""
from __future__ import annotations

import pytest
from streamlit.errors import StreamlitSecretNotFoundError

from studyaid.app import auth


class _Secrets:
    def __init__(self, error: Exception | None = None, value: str | None = None) -> None:
        self.error, self.value = error, value

    def get(self, name: str):
        if self.error is not None:
            raise self.error
        return self.value


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv(auth.PASSWORD_ENV, raising=False)


@pytest.mark.parametrize("secrets, expected", [
    (_Secrets(value="s3cret"), "s3cret"),
    (_Secrets(value=None), None),
    (_Secrets(StreamlitSecretNotFoundError("No secrets found. Valid paths for a secrets.toml file are: {p}", p="x")),
     None),
])
def test_configured_password(monkeypatch, secrets, expected):
    monkeypatch.setattr(auth.st, "secrets", secrets)
    assert auth.configured_password() == expected


def test_the_environment_wins(monkeypatch):
    monkeypatch.setenv(auth.PASSWORD_ENV, "from-env")
    monkeypatch.setattr(auth.st, "secrets", _Secrets(value="from-secrets"))
    assert auth.configured_password() == "from-env"


@pytest.mark.parametrize("error", [
    StreamlitSecretNotFoundError("Error parsing secrets file at {path}: {error}", path="s.toml", error="bad toml"),
    PermissionError("s.toml: permission denied"),
])
def test_a_broken_secrets_file_locks_the_view(monkeypatch, error):
    monkeypatch.setattr(auth.st, "secrets", _Secrets(error))
    with pytest.raises(auth.SecretsError):
        auth.configured_password()


def test_passwords_compare_exactly():
    assert auth.password_matches("correct horse", "correct horse")
    assert not auth.password_matches("correct horse ", "correct horse")
    assert not auth.password_matches("", "correct horse")
