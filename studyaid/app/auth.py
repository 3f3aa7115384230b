"""The teacher view's password: ``$STUDYAID_TEACHER_PASSWORD`` or ``teacher_password`` in Streamlit
secrets. No password configured: the view is open, and says how to protect it."""
from __future__ import annotations

import hashlib
import hmac
import os

import streamlit as st

PASSWORD_ENV = "STUDYAID_TEACHER_PASSWORD"
SECRET_NAME = "teacher_password"
SESSION_KEY = "_studyaid_teacher"


class SecretsError(Exception):
    """The secrets file exists but cannot be read: the teacher view stays locked (fail closed)."""


def configured_password() -> str | None:
    value = os.environ.get(PASSWORD_ENV, "")
    if value:
        return value
    try:
        secret = st.secrets.get(SECRET_NAME)
    except FileNotFoundError as exc:  # StreamlitSecretNotFoundError: no file, or one that does not parse
        if "pars" in str(exc).lower() or "invalid" in str(exc).lower():
            raise SecretsError(str(exc)) from exc  # a broken file may hold a password: never open the view
        secret = None
    except OSError as exc:  # an unreadable file: the same
        raise SecretsError(str(exc)) from exc
    return str(secret) if secret else None


def password_matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _token(password: str) -> str:
    """What the session remembers after a right password: changing the password logs everyone out."""
    return hashlib.sha256(("studyaid-teacher|" + password).encode("utf-8")).hexdigest()


def teacher_gate() -> bool:
    """Whether this session may use the teacher view; shows the password form when it may not."""
    try:
        expected = configured_password()
    except SecretsError as exc:
        st.error(f"The teacher view is locked: the Streamlit secrets file cannot be read ({exc}). "
                 f"Fix it, or set {PASSWORD_ENV}.")
        return False
    if expected is None:
        st.caption(f"The teacher view is open to anyone: no password is set. To protect it, set "
                   f"`{PASSWORD_ENV}` or `{SECRET_NAME}` in `.streamlit/secrets.toml`.")
        return True
    if hmac.compare_digest(st.session_state.get(SESSION_KEY, ""), _token(expected)):
        if st.sidebar.button("Leave the teacher view", key="teacher_logout"):
            st.session_state.pop(SESSION_KEY, None)
            st.rerun()
        return True
    st.subheader("Teacher sign-in")
    with st.form("teacher_login"):
        given = st.text_input("Teacher password", type="password", key="teacher_password")
        submitted = st.form_submit_button("Enter", key="teacher_enter")
    if submitted:
        if password_matches(given, expected):
            st.session_state[SESSION_KEY] = _token(expected)
            st.rerun()
        st.error("Wrong password.")
    return False
