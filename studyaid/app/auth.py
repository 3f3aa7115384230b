"""Who may use the teacher view. It fails closed:

- a password is set (``$STUDYAID_TEACHER_PASSWORD`` or ``teacher_password`` in Streamlit secrets):
  whoever types it, once per browser session;
- no password: only a browser on the machine running the app (the WebSocket's peer is a loopback
  address, the ``Host`` is ``localhost``/``127.0.0.1``/``[::1]`` and no proxy forwarded the request),
  or whoever types the one-time access token printed in the server's terminal (as Jupyter does);
- a secrets file that cannot be read: nobody (it may hold the password).

Wrong passwords and tokens are logged (never what was typed) and slowed down: after each failure the
next attempt is refused for a delay that doubles with every failure in the browser session and grows
with the failures of all sessions in the last minutes, so opening new sessions does not help.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import math
import os
import secrets
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field

import streamlit as st

PASSWORD_ENV = "STUDYAID_TEACHER_PASSWORD"
SECRET_NAME = "teacher_password"
SESSION_KEY = "_studyaid_teacher"
FAILURES_KEY = "_studyaid_login_failures"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "X-Real-Ip", "Forwarded")
MAX_DELAY = 60.0  # seconds: the longest wait between two attempts
GLOBAL_WINDOW = 15 * 60.0  # seconds over which every session's failures count
GLOBAL_FREE = 5  # failures in the window before everyone is slowed down

log = logging.getLogger("studyaid.app.auth")
clock = time.monotonic  # replaced in tests


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


def _token(secret: str) -> str:
    """What the session remembers after a right password or token: changing it logs everyone out."""
    return hashlib.sha256(("studyaid-teacher|" + secret).encode("utf-8")).hexdigest()


# -- where the browser is --------------------------------------------------------------------------
@dataclass(frozen=True)
class Peer:
    """The browser's connection: the WebSocket peer address and the request's headers that matter."""

    ip: str | None = None
    host: str | None = None  # the Host header
    forwarded: bool = False  # a proxy added X-Forwarded-For or the like


def host_name(host: str | None) -> str:
    """``localhost:8501`` → ``localhost``; ``[::1]:8501`` → ``::1``."""
    host = (host or "").strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_local(peer: Peer) -> bool:
    """Whether the browser runs on this machine: a loopback peer, asked for by a local host name (a web
    page that re-points its own name at 127.0.0.1 still sends its name), and no proxy in between
    (a proxy on this machine connects from loopback for every visitor). Unknown: not local."""
    if peer.ip is None or peer.forwarded:
        return False
    try:
        loopback = ipaddress.ip_address(peer.ip.split("%", 1)[0]).is_loopback
    except ValueError:
        return False
    return loopback and host_name(peer.host) in LOCAL_HOSTS


def current_peer() -> Peer:
    """The current session's connection; an empty :class:`Peer` (not local) when Streamlit does not say."""
    ip = None
    try:
        from streamlit import runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is not None and runtime.exists():
            client = runtime.get_instance().get_client(ctx.session_id)
            context = getattr(client, "client_context", None)
            ip = getattr(context, "remote_ip", None)
    except (ImportError, AttributeError, RuntimeError):  # another Streamlit: fail closed
        ip = None
    try:
        headers = st.context.headers
        host = headers.get("Host")
        forwarded = any(headers.get(name) for name in FORWARDING_HEADERS)
    except (AttributeError, RuntimeError, KeyError):
        host, forwarded = None, True
    return Peer(ip=ip, host=host, forwarded=forwarded)


# -- the one-time access token ---------------------------------------------------------------------
_token_lock = threading.Lock()
_access_token: str | None = None


def access_token() -> str:
    """This server's access token: made on first use, printed once to the server's terminal."""
    global _access_token
    with _token_lock:
        if _access_token is None:
            _access_token = secrets.token_urlsafe(24)
            print(f"\nstudyaid: no teacher password is set. The teacher view opens in a browser on this machine, "
                  f"or elsewhere with this one-time access token:\n\n    {_access_token}\n", file=sys.stderr, flush=True)
        return _access_token


def announce_token() -> None:
    """With no password set, make and print the access token on the app's first run (its start for
    whoever runs it), so the token is in the terminal before anyone needs it."""
    try:
        if configured_password() is None:
            access_token()
    except SecretsError:
        pass  # the view stays locked; the gate says why


# -- slowing down wrong attempts -------------------------------------------------------------------
def session_delay(failures: int) -> float:
    """Seconds before a session's next attempt: 0, then 1, 2, 4, … after each failure, at most a minute."""
    return 0.0 if failures <= 0 else min(MAX_DELAY, 2.0 ** (failures - 1))


def global_delay(recent: int) -> float:
    """Seconds every session waits after the last failure anywhere, once the server has seen more than
    :data:`GLOBAL_FREE` failures in :data:`GLOBAL_WINDOW`: 1, 2, 4, … at most a minute."""
    return 0.0 if recent <= GLOBAL_FREE else min(MAX_DELAY, 2.0 ** (recent - GLOBAL_FREE - 1))


@dataclass
class Failures:
    """Failed attempts: one per browser session (in its state) and one for the server (shared)."""

    times: deque = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def recent(self, now: float) -> int:
        with self.lock:
            while self.times and now - self.times[0] > GLOBAL_WINDOW:
                self.times.popleft()
            return len(self.times)

    def add(self, now: float) -> int:
        with self.lock:
            self.times.append(now)
        return self.recent(now)

    def last(self) -> float | None:
        with self.lock:
            return self.times[-1] if self.times else None


SERVER_FAILURES = Failures()


def wait_left(now: float) -> float:
    """Seconds this session must still wait before its next attempt is checked (0: may try now)."""
    count, last = st.session_state.get(FAILURES_KEY, (0, None))
    waits = [0.0]
    if last is not None:
        waits.append(last + session_delay(count) - now)
    server_last = SERVER_FAILURES.last()
    if server_last is not None:
        waits.append(server_last + global_delay(SERVER_FAILURES.recent(now)) - now)
    return max(waits)


def attempt(given: str, expected: str, what: str) -> bool:
    """Check one typed ``what`` (password or token); a wrong one is counted, logged and slows the next."""
    now = clock()
    left = wait_left(now)
    if left > 0:
        st.error(f"Too many wrong attempts: wait {math.ceil(left)} second(s), then try again.")
        return False
    if password_matches(given, expected):
        st.session_state.pop(FAILURES_KEY, None)
        return True
    count = st.session_state.get(FAILURES_KEY, (0, None))[0] + 1
    st.session_state[FAILURES_KEY] = (count, now)
    recent = SERVER_FAILURES.add(now)
    log.warning("teacher sign-in failed: wrong %s (%d in this browser session, %d on the server in the last "
                "%d minutes; peer %s)", what, count, recent, GLOBAL_WINDOW // 60, current_peer().ip or "unknown")
    st.error(f"Wrong {what}.")
    return False


# -- the gate --------------------------------------------------------------------------------------
def _signed_in(secret: str) -> bool:
    if not hmac.compare_digest(st.session_state.get(SESSION_KEY, ""), _token(secret)):
        return False
    if st.sidebar.button("Leave the teacher view", key="teacher_logout"):
        st.session_state.pop(SESSION_KEY, None)
        st.rerun()
    return True


def _sign_in_form(label: str, secret: str, what: str) -> None:
    with st.form("teacher_login"):
        given = st.text_input(label, type="password", key="teacher_password")
        submitted = st.form_submit_button("Enter", key="teacher_enter")
    if submitted and attempt(given, secret, what):
        st.session_state[SESSION_KEY] = _token(secret)
        st.rerun()


def teacher_gate() -> bool:
    """Whether this session may use the teacher view; shows how to get in when it may not."""
    try:
        expected = configured_password()
    except SecretsError as exc:
        st.error(f"The teacher view is locked: the Streamlit secrets file cannot be read ({exc}). "
                 f"Fix it, or set {PASSWORD_ENV}.")
        return False
    if expected is not None:
        if _signed_in(expected):
            return True
        st.subheader("Teacher sign-in")
        _sign_in_form("Teacher password", expected, "password")
        return False
    if is_local(current_peer()):
        st.caption(f"No teacher password is set: the teacher view opens only in a browser on this computer. "
                   f"To serve a class on the network, set `{PASSWORD_ENV}` (see the README).")
        return True
    token = access_token()
    if _signed_in(token):
        return True
    st.subheader("Teacher view: locked")
    st.info(f"No teacher password is set, so the teacher view opens only in a browser on the computer running "
            f"studyaid (http://localhost:8501). To open it here, type the access token printed in the terminal "
            f"running studyaid on that computer, or ask whoever runs it to set `{PASSWORD_ENV}`.")
    _sign_in_form("Access token", token, "access token")
    return False
