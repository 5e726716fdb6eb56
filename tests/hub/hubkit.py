"""A real JupyterHub on 127.0.0.1 driven through its REST API: shared by the hub test and the bench.

JupyterHub (DummyAuthenticator, SimpleLocalProcessSpawner with one home per learner under a temp
dir), configurable-http-proxy installed with npm into a cache folder outside the repository, and
learners that log in, spawn, pull the course with nbgitpuller from a local ``file://`` repository,
and run code in their server's kernel over its websocket (Jupyter protocol).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

REPO = Path(__file__).resolve().parents[2]
PROXY_PACKAGE = "configurable-http-proxy@5"
CACHE = Path(os.environ.get("NETLEARN_HUB_CACHE",
                            Path.home() / ".cache" / "netlearn-hub-test")).expanduser()
LEARNERS_ENV = "NETLEARN_HUB_LEARNERS"
SERVICE = "netlearn-test"
# How long a new kernel may take to answer its first kernel_info_request, for the test and
# for the single-user servers alike (why: the comment on kernel_info_timeout in CONFIG).
KERNEL_READY_TIMEOUT_S = 300

# A log line that reports an error: traitlets/tornado "[E …]" or "[C …]" (JupyterHub, Jupyter
# Server, nbgitpuller), a Python traceback, or the proxy's "[ConfigProxy] error:".
ERROR_LINE = re.compile(r"^\[(E|C) \d{4}-\d\d-\d\d |Traceback \(most recent call last\)"
                        r"|\[ConfigProxy\] error")


def missing() -> str | None:
    """Return why a hub cannot run here (a missing package or tool), or None."""
    for module in ("jupyterhub", "nbgitpuller", "requests", "websocket", "psutil"):
        try:
            __import__(module)
        except ImportError:
            return (f"the hub test needs {module!r}: pip install -e '.[hub]' "
                    "(jupyterhub, nbgitpuller, requests, websocket-client)")
    for tool in ("npm", "node", "git"):
        if shutil.which(tool) is None:
            return f"the hub test needs {tool} on PATH (configurable-http-proxy is an npm package)"
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True).returncode:
        return f"{REPO} is not a git checkout: learners pull the course from its committed HEAD"
    return None


def error_lines(log: str, allowed=()) -> list[str]:
    """Return the lines of ``log`` reporting an error, except those an ``allowed`` regex matches."""
    return [line for line in log.splitlines()
            if ERROR_LINE.search(line) and not any(re.search(a, line) for a in allowed)]


def learners_wanted(default: int = 5) -> int:
    """Return how many simulated learners to run (``NETLEARN_HUB_LEARNERS``, default 5)."""
    return max(1, int(os.environ.get(LEARNERS_ENV, default)))


def ensure_proxy(cache: Path = CACHE) -> Path:
    """Install configurable-http-proxy with npm into ``cache`` (once); return its executable."""
    exe = cache / "node_modules" / ".bin" / "configurable-http-proxy"
    if not exe.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                        "--prefix", str(cache), PROXY_PACKAGE],
                       check=True, capture_output=True, text=True, timeout=600)
    return exe


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    """Return True when something listens on 127.0.0.1:port."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def git(*args, cwd) -> str:
    """Run git with a fixed identity; return its stdout."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "netlearn test", "GIT_AUTHOR_EMAIL": "test@example.com",
           "GIT_COMMITTER_NAME": "netlearn test", "GIT_COMMITTER_EMAIL": "test@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=env).stdout


def course_repository(parent: Path, source: Path = REPO) -> Path:
    """Make ``parent/netlearn``: a git repository (branch main) of ``source``'s committed HEAD."""
    dest = parent / "netlearn"
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=source, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    git("init", "-q", "-b", "main", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "course", cwd=dest)
    return dest


CONFIG = """\
c = get_config()  # noqa
c.JupyterHub.bind_url = {bind_url!r}
c.JupyterHub.hub_bind_url = {hub_bind_url!r}
c.ConfigurableHTTPProxy.api_url = {proxy_api_url!r}
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {state!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {state!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {state!r} + "/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.JupyterHub.allow_named_servers = True
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [{singleuser!r}]
# --allow-root: CI runs as root. kernel_info_timeout: jupyter_server waits that long (default
# 60 s) for a new kernel's first kernel_info reply, then completes the websocket handshake
# anyway, nudges the kernel for the same time again and, if it is still silent, closes the
# socket from its open() (jupyter_server/services/kernels/connection/channels.py, prepare()
# and nudge()): the client sees "Connection to remote host was lost." right after a
# successful handshake, and the log gets one "Uncaught exception" with two tracebacks. Five
# servers and kernels starting at once on a busy 2-core box may need longer than that.
c.Spawner.args = ["--allow-root",
                  "--MappingKernelManager.kernel_info_timeout={kernel_ready_timeout}"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
c.JupyterHub.services = [{{"name": {service!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": {service!r},
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "read:hub"],
    "services": [{service!r}],
}}]
"""


class Hub:
    """A JupyterHub process with its proxy, every file under ``workdir``.

    Parameters
    ----------
    workdir : pathlib.Path
        Holds the hub's config, state, log (``hub.log``) and the learners' homes (``homes/``).
    proxy : pathlib.Path
        The configurable-http-proxy executable (see :func:`ensure_proxy`).
    """

    def __init__(self, workdir: Path, proxy: Path):
        self.workdir = Path(workdir)
        self.homes = self.workdir / "homes"
        self.log_path = self.workdir / "hub.log"
        self.proxy = proxy
        self.port, self.hub_port, self.api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(24)
        self.process = None
        self._started: dict[int, object] = {}

    # -- process ---------------------------------------------------------------------
    def start(self, timeout: float = 300) -> None:
        """Start the hub and wait until its REST API answers through the proxy."""
        import requests

        state = self.workdir / "state"
        state.mkdir(parents=True, exist_ok=True)
        self.homes.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(CONFIG.format(
            bind_url=self.url + "/", hub_bind_url=f"http://127.0.0.1:{self.hub_port}",
            proxy_api_url=f"http://127.0.0.1:{self.api_port}", proxy=str(self.proxy),
            state=str(state), homes=str(self.homes),
            singleuser=str(Path(sys.executable).parent / "jupyterhub-singleuser"),
            service=SERVICE, token=self.token, kernel_ready_timeout=KERNEL_READY_TIMEOUT_S),
            encoding="utf-8")
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("NETLEARN_", "JUPYTER", "PYTEST"))}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        self._log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=state, env=env,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.process.returncode}); see "
                                   f"{self.log_path}:\n{self.log_text()[-3000:]}")
            try:
                if requests.get(self.url + "/hub/api/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"the hub did not answer within {timeout} s; see {self.log_path}")

    def processes(self) -> list:
        """Return the hub's process and every process it started (proxy, servers, kernels)."""
        import psutil

        if self.process is None or self.process.poll() is not None:
            return []
        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self, timeout: float = 120) -> list[str]:
        """Stop the hub (it stops the proxy and the servers); end whatever it left.

        Returns
        -------
        list of str
            What had to be ended by force or still listens afterwards (empty when clean).
        """
        import psutil

        left = []
        if self.process is None:
            return left
        started = {p.pid: p for p in self.processes()}
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                left.append(f"the hub (pid {self.process.pid}) ignored SIGTERM")
                self.process.kill()
                self.process.wait(30)
        for pid, proc in started.items():
            if pid == self.process.pid:
                continue
            try:
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    left.append(f"pid {pid} ({' '.join(proc.cmdline())[:80]}) outlived the hub")
                    proc.kill()
            except psutil.NoSuchProcess:
                pass
        for port in (self.port, self.hub_port, self.api_port):
            if port_open(port):
                left.append(f"port {port} still open")
        self._log.close()
        self.process = None
        return left

    def log_text(self) -> str:
        """Return everything the hub, proxy and single-user servers logged so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def error_lines(self, allowed=()) -> list[str]:
        """Return the log lines that report an error, except those matching ``allowed``."""
        return error_lines(self.log_text(), allowed)

    # -- REST API --------------------------------------------------------------------
    def api(self, method: str, path: str, token: str | None = None, **kwargs):
        """Call ``/hub/api/PATH`` with the service's (or ``token``'s) authority; return Response."""
        import requests

        headers = {"Authorization": f"token {token or self.token}"}
        response = requests.request(method, f"{self.url}/hub/api/{path.lstrip('/')}",
                                    headers=headers, timeout=kwargs.pop("timeout", 600), **kwargs)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} /hub/api/{path}: {response.status_code} {response.text}")
        return response

    def learner(self, name: str) -> Learner:
        """Create the user ``name`` (logged in through the REST API) and return a Learner."""
        self.api("POST", f"users/{name}")
        token = self.api("POST", f"users/{name}/tokens",
                         json={"note": "netlearn hub test", "expires_in": 3600}).json()["token"]
        return Learner(self, name, token)


class Learner:
    """One simulated learner on a :class:`Hub`: their token, home, servers and kernels."""

    def __init__(self, hub: Hub, name: str, token: str):
        self.hub, self.name, self.token = hub, name, token
        self.home = hub.homes / name

    def login(self):
        """Log in through the hub's login form, as a browser does; return the requests.Session."""
        import requests

        session = requests.Session()
        session.get(f"{self.hub.url}/hub/login", timeout=600).raise_for_status()
        session.post(f"{self.hub.url}/hub/login", timeout=600, data={
            "username": self.name, "password": "any", "_xsrf": session.cookies.get("_xsrf", "")},
        ).raise_for_status()
        return session

    def _server_path(self, server: str) -> str:
        return f"users/{self.name}/servers/{server}" if server else f"users/{self.name}/server"

    def base(self, server: str = "") -> str:
        """Return the URL of one of the learner's servers (through the proxy)."""
        return f"{self.hub.url}/user/{self.name}/{server + '/' if server else ''}"

    def spawn(self, server: str = "", timeout: float = 600) -> float:
        """Start a server and wait until it serves through the proxy; return the seconds it took.

        Ready means: the hub's API reports the server ready (the hub sets that once the proxy
        has its route), and the proxy hands the learner's URL to the server this call started
        (its ``api/status`` reports a start after the request), not to an earlier one.
        """
        from datetime import datetime, timezone

        start = time.perf_counter()
        requested = datetime.now(timezone.utc)
        self.hub.api("POST", self._server_path(server))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.hub.api("GET", f"users/{self.name}").json()
            found = model.get("servers", {}).get(server)
            if found and found.get("ready"):
                break
            time.sleep(0.25)
        else:
            raise TimeoutError(f"{self.name}'s server {server!r} was not ready within {timeout} s")
        seen = "no answer"
        while time.monotonic() < deadline:
            status = self._status(server)
            if isinstance(status, dict):
                started = datetime.fromisoformat(status["started"].replace("Z", "+00:00"))
                if started >= requested:
                    return time.perf_counter() - start
                seen = f"a server started at {status['started']}, before this spawn"
            else:
                seen = status
            time.sleep(0.25)
        raise TimeoutError(f"{self.name}'s server {server!r} is ready in the hub but the proxy "
                           f"did not reach it within {timeout} s (last: {seen})")

    def _status(self, server: str = ""):
        """Return the server's ``api/status`` through the proxy, or why there is none (str)."""
        import requests

        try:
            response = requests.get(self.base(server) + "api/status", timeout=30,
                                    headers={"Authorization": f"token {self.token}"})
        except requests.RequestException as exc:
            return f"{type(exc).__name__}: {exc}"
        if response.status_code != 200:
            return f"HTTP {response.status_code}"
        try:
            return response.json()
        except ValueError:
            return "an answer that is not JSON"

    def stop(self, server: str = "", timeout: float = 300) -> None:
        """Stop a server and wait until the hub reports it gone."""
        self.hub.api("DELETE", self._server_path(server))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if server not in self.hub.api("GET", f"users/{self.name}").json().get("servers", {}):
                return
            time.sleep(0.25)
        raise TimeoutError(f"{self.name}'s server {server!r} did not stop within {timeout} s")

    def request(self, method: str, path: str, server: str = "", **kwargs):
        """Call the learner's server at PATH (e.g. ``api/contents/...``) with their token."""
        import requests

        response = requests.request(method, self.base(server) + path.lstrip("/"),
                                    headers={"Authorization": f"token {self.token}"},
                                    timeout=kwargs.pop("timeout", 600), **kwargs)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:500]}")
        return response

    def pull(self, link: str, server: str = "") -> list[dict]:
        """Pull the course the way a ``netlearn links --hub`` link does; return the events.

        The link's page (``/hub/user-redirect/git-pull``) runs the pull in the browser's
        JavaScript through ``/user/NAME/git-pull/api`` with the link's own query; this calls
        that API with the same query.
        """
        parts = urlsplit(link)
        if not parts.path.endswith("/hub/user-redirect/git-pull"):
            raise ValueError(f"not an nbgitpuller link: {link}")
        query = {key: value for key, value in parse_qsl(parts.query) if key != "urlpath"}
        events = []
        with self.request("GET", "git-pull/api", server, params=query, stream=True) as response:
            for line in response.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    events.append(event)
                    if event.get("phase") in ("finished", "error"):
                        break
        if not events or events[-1].get("phase") != "finished":
            raise RuntimeError(f"{self.name}: the pull did not finish: {events[-3:]}")
        return events

    @contextmanager
    def kernel(self, notebook_path: str, server: str = ""):
        """Open a notebook session (a kernel in the notebook's folder); yield a :class:`Kernel`."""
        session = self.request("POST", "api/sessions", server, json={
            "path": notebook_path, "type": "notebook", "name": Path(notebook_path).name,
            "kernel": {"name": "python3"}}).json()
        kernel = None
        try:
            kernel = Kernel(self, session["kernel"]["id"], server)
            yield kernel
        finally:
            if kernel is not None:
                kernel.close()
            try:
                self.request("DELETE", f"api/sessions/{session['id']}", server)
            except Exception:  # noqa: BLE001 (the server may be gone already)
                pass

    def server_process(self, server: str = ""):
        """Return the psutil process of one of the learner's single-user servers."""
        import psutil

        for proc in self.hub.processes():
            try:
                env = proc.environ()
            except (psutil.AccessDenied, psutil.NoSuchProcess):
                continue
            if (env.get("JUPYTERHUB_USER") == self.name
                    and env.get("JUPYTERHUB_SERVER_NAME", "") == server
                    and "singleuser" in " ".join(proc.cmdline())):
                return proc
        raise LookupError(f"no server process for {self.name} {server!r}")

    def rss(self, server: str = "") -> dict[str, float]:
        """Return the resident memory (bytes) and CPU time (s) of one server and of its kernels.

        Keys: ``server`` and ``kernels`` (RSS), ``server_cpu`` and ``kernels_cpu`` (user + system).
        """
        proc = self.server_process(server)
        kernels = proc.children(recursive=True)

        def cpu(p):
            return p.cpu_times().user + p.cpu_times().system

        return {"server": proc.memory_info().rss,
                "kernels": sum(k.memory_info().rss for k in kernels),
                "server_cpu": cpu(proc), "kernels_cpu": sum(cpu(k) for k in kernels)}


class Kernel:
    """A kernel of a learner's server, spoken to over its websocket (Jupyter protocol JSON).

    Connecting waits, as JupyterLab does, until the kernel has answered a kernel_info_request
    over the websocket and gone idle: only then does code sent to it run.
    """

    def __init__(self, learner: Learner, kernel_id: str, server: str = "",
                 timeout: float = KERNEL_READY_TIMEOUT_S):
        import websocket

        self.learner, self.id, self.server = learner, kernel_id, server
        self.session = uuid.uuid4().hex
        url = (learner.base(server).replace("http://", "ws://")
               + f"api/kernels/{kernel_id}/channels?session_id={self.session}")
        # The server answers the handshake once the kernel replied to its own kernel_info
        # request (or gave up waiting, see CONFIG): allow it the kernel's whole start.
        self.ws = websocket.create_connection(
            url, header=[f"Authorization: token {learner.token}"], timeout=600)
        self.request("kernel_info_request", {}, timeout)

    def close(self) -> None:
        """Close the websocket."""
        self.ws.close()

    def state(self) -> str:
        """Describe the kernel as its server reports it (for error messages)."""
        try:
            model = self.learner.request("GET", f"api/kernels/{self.id}", self.server,
                                         timeout=30).json()
        except Exception as exc:  # noqa: BLE001 (a diagnosis must not raise)
            return f"the server did not report the kernel ({exc})"
        return (f"the server reports execution_state={model.get('execution_state')!r}, "
                f"connections={model.get('connections')}")

    def request(self, msg_type: str, content: dict, timeout: float = 600) -> list[dict]:
        """Send a shell request (``*_request``); wait for its reply and the kernel's idle.

        Returns the reply and what the kernel published for the request, in order, each as
        ``{"type": msg_type, **content}``.
        """
        import websocket

        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.learner.name, "session": self.session,
                       "msg_type": msg_type, "version": "5.3",
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": content,
        }))
        what = content["code"][:80] if "code" in content else msg_type
        reply = msg_type.replace("_request", "_reply")
        messages, replied, idle = [], False, False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise websocket.WebSocketTimeoutException("deadline passed")
                self.ws.settimeout(left)
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                raise TimeoutError(f"{self.learner.name}: kernel {self.id} did not answer "
                                   f"{what!r} within {timeout} s; {self.state()}") from None
            except websocket.WebSocketException as exc:
                raise RuntimeError(
                    f"{self.learner.name}: the websocket of kernel {self.id} (server "
                    f"{self.server!r}) failed awaiting {what!r}: {type(exc).__name__}: {exc}; "
                    f"{self.state()}; the hub's log says why") from exc
            if not isinstance(raw, str):  # a binary frame (widget buffers): not an output
                continue
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status":
                idle = msg["content"]["execution_state"] == "idle"
                continue
            replied = replied or kind == reply
            messages.append({"type": kind, **msg["content"]})
        return messages

    def execute(self, code: str, timeout: float = 600) -> list[dict]:
        """Run ``code``; return its outputs (``{"type": msg_type, **content}``) in order."""
        messages = self.request("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}, timeout)
        return [m for m in messages
                if m["type"] in ("stream", "error", "display_data", "execute_result")]

    def value(self, expression: str, setup: str = ""):
        """Return ``json.loads`` of what ``print(json.dumps(EXPRESSION))`` prints in the kernel.

        ``setup`` (e.g. ``"import netlearn"``) runs first, in the same cell.
        """
        outputs = self.execute(f"{setup}\nimport json as _j\nprint(_j.dumps({expression}))")
        errors = [o for o in outputs if o["type"] == "error"]
        if errors:
            raise RuntimeError(f"{expression}: {errors[0]['ename']}: {errors[0]['evalue']}")
        text = "".join(o["text"] for o in outputs if o["type"] == "stream"
                       and o["name"] == "stdout")
        return json.loads(text.strip().splitlines()[-1])

    def run_notebook(self, notebook: dict) -> list[tuple[int, list[dict]]]:
        """Run every code cell of a notebook (nbformat JSON) in order; return (index, outputs)."""
        results = []
        for index, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"]) if isinstance(cell["source"], list) \
                else cell["source"]
            outputs = self.execute(source)
            results.append((index, outputs))
            if any(o["type"] == "error" for o in outputs):
                break
        return results


def problems(results) -> list[str]:
    """Return each error output of :meth:`Kernel.run_notebook`'s results as one line."""
    return [f"cell {index}: {o['ename']}: {o['evalue']}"
            for index, outputs in results for o in outputs if o["type"] == "error"]


@contextmanager
def running_hub(prefix: str = "netlearn-hub-"):
    """Start a hub in a fresh temp dir; yield it; stop it and remove the dir.

    Raises RuntimeError after the ``with`` body when anything outlived the hub.
    """
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    hub = Hub(workdir, ensure_proxy())
    left = []
    try:
        hub.start()
        yield hub
    finally:
        left = hub.stop()
        # The whole log, shutdown included (none when the hub failed before it started).
        hub.final_log = hub.log_text() if hub.log_path.exists() else ""
        if os.environ.get("NETLEARN_HUB_LOG"):  # keep the log for a look afterwards
            Path(os.environ["NETLEARN_HUB_LOG"]).write_text(hub.final_log, encoding="utf-8")
        unlock(workdir)
        shutil.rmtree(workdir, ignore_errors=True)
    if left:
        raise RuntimeError("the hub left things behind: " + "; ".join(left))


def lock(path: Path) -> bool:
    """Make a directory unwritable, even for root (``chattr +i``); return False if impossible."""
    if os.geteuid() != 0:
        path.chmod(0o500)
        return True
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    if done:
        try:
            (path / ".probe").mkdir()
        except OSError:
            return True
        (path / ".probe").rmdir()
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    return False


def unlock(workdir: Path) -> None:
    """Undo :func:`lock` everywhere under ``workdir`` so it can be removed."""
    if shutil.which("chattr") and os.geteuid() == 0:
        subprocess.run(["chattr", "-R", "-i", str(workdir)], capture_output=True)
    for path in Path(workdir).rglob("*"):
        try:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o700)
        except OSError:
            pass
