# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The template cache under concurrency and crashes, and on a machine that has no
state yet: several runs at once share one build, a killed build is recovered by the
next run, pruning never removes a template someone holds, a stale pid file does not
stop a cluster from starting.

Most tests stand a cheap fake install in for the add-ons' (one table, a pause), so a
template builds in seconds; the template key includes the install's code, so these
templates never mix with real ones.
"""

import fcntl
import os
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT, run_script

FAKE_RUN = """
source setup/common.sh; source setup/template.sh
ODOO_DIR=$KAM_ODOO_DIR VENV=$KAM_VENV
install_modules() {
    echo "$1" >>"$KAM_STATE/installs.log"
    psql -d "$1" -qc 'CREATE TABLE kam_fake_install ()'
    sleep "${FAKE_INSTALL_SECONDS:-0}"
}
ensure_template
trap stop_run_database EXIT
start_run_database "$TEMPLATE" fake
echo "template=$TEMPLATE"
psql -d "$RUN_DB" -Atc "SELECT count(*) FROM pg_tables
                        WHERE tablename = 'kam_fake_install'"
psql -d "$RUN_DB" -Atc "SHOW timezone"
"""


def _pg_stop_all(base, env):
    """Stops every cluster a test left under ``base``."""
    script = f"""
        source setup/common.sh
        find {base} -name postmaster.pid -path '*/data/*' | while read -r pid; do
            pg_stop "$(dirname "$(dirname "$pid")")"
        done
    """
    run_script(script, env, timeout=120)


@pytest.fixture
def fresh_state(run_env):
    """A KAM_STATE that does not exist yet. Under the run's own state directory,
    because under root PostgreSQL runs as the postgres user, who must reach it."""
    base = Path(run_env["KAM_STATE"]) / "run" / f"state-test-{uuid.uuid4().hex[:8]}"
    state = base / "state"
    yield state
    _pg_stop_all(base, run_env)
    shutil.rmtree(base, ignore_errors=True)


def _env(run_env, state, **extra):
    return dict(run_env, KAM_STATE=str(state), **extra)


def _templates(state):
    return sorted(p.name for p in (state / "templates").iterdir())


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_fake_run_builds_into_a_fresh_state(run_env, fresh_state):
    assert not fresh_state.exists()
    result = run_script(FAKE_RUN, _env(run_env, fresh_state))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[1:] == ["1", "UTC"], "the copy holds the install; clusters run in UTC"
    template = Path(lines[0].split("=", 1)[1])
    assert (template / ".kam-complete").is_file()
    # the run's directory went with the run
    assert list((fresh_state / "run").iterdir()) == []


def test_real_template_runs_from_a_fresh_state(run_env, fresh_state):
    """setup/test itself with a KAM_STATE that does not exist: the only thing put
    there beforehand is the template of this run (hard links), to skip its build."""
    template = Path(run_env["KAM_TEMPLATE"])
    if not template.is_dir():
        pytest.fail("this test needs a private cluster (PGHOST unset)")
    seeded = fresh_state / "templates" / template.name
    seeded.parent.mkdir(parents=True)
    subprocess.run(["cp", "-al", str(template), str(seeded)], check=True)
    shutil.rmtree(seeded.parent.parent / "run", ignore_errors=True)
    env = _env(run_env, fresh_state)
    result = run_script("setup/test tests/test_docker_compose.py -q", env, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
    assert "installing" not in result.stderr, "the seeded template was reused"
    assert (fresh_state / "run").is_dir()


def test_two_builds_racing_for_one_key_build_once(run_env, fresh_state):
    env = _env(run_env, fresh_state, FAKE_INSTALL_SECONDS="3")
    runs = [
        subprocess.Popen(
            ["bash", "-c", FAKE_RUN],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert out.split()[1:] == ["1", "UTC"]
    assert outputs[0][0].split()[0] == outputs[1][0].split()[0], "one template"
    installs = (fresh_state / "installs.log").read_text().splitlines()
    assert installs == ["kam"], "the second run waited for the first one's build"
    assert any("waiting for another run" in err for _out, err in outputs)
    names = _templates(fresh_state)
    assert len(names) == 2 and names[1] == names[0] + ".lock", names


def test_killed_build_is_recovered_by_the_next_run(run_env, fresh_state):
    env = _env(run_env, fresh_state, FAKE_INSTALL_SECONDS="600")
    build = subprocess.Popen(
        ["bash", "-c", FAKE_RUN],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        installs = fresh_state / "installs.log"
        deadline = time.monotonic() + 120
        while not installs.exists():
            assert build.poll() is None, "the build stopped by itself"
            assert time.monotonic() < deadline, "the build did not start"
            time.sleep(0.2)
        (part,) = (fresh_state / "templates").glob("*.part")
        server_pid = int(
            (part / "pg" / "data" / "postmaster.pid").read_text().split()[0]
        )
        # killed hard: no trap runs; its server and its install go on
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        assert part.is_dir() and _pid_alive(server_pid)

        result = run_script(FAKE_RUN, _env(run_env, fresh_state), timeout=120)
        assert result.returncode == 0, result.stderr
        assert "left by a build that did not finish" in result.stderr
        assert result.stdout.split()[1:] == ["1", "UTC"]
        assert not part.exists()
        assert not any(name.endswith(".part") for name in _templates(fresh_state))
        assert installs.read_text().splitlines() == ["kam", "kam"]
        deadline = time.monotonic() + 30
        while _pid_alive(server_pid) and time.monotonic() < deadline:
            time.sleep(0.2)  # the stopped server may linger as a zombie of init
        assert not _pid_alive(server_pid) or "postgres" not in _cmdline(server_pid)
    finally:
        try:
            os.killpg(build.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _cmdline(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


PRUNE = """
source setup/common.sh; source setup/template.sh
KAM_TEMPLATE_KEEP=2
prune_templates {current}
"""


def test_pruning_keeps_the_newest_and_what_is_held(run_env, fresh_state):
    templates = fresh_state / "templates"
    now = time.time()
    names = [f"{i:016x}" for i in range(5)]  # 0 is the current one, 4 the oldest
    for age, name in enumerate(names):
        (templates / name).mkdir(parents=True)
        used = templates / name / ".kam-used"
        used.touch()
        os.utime(used, (now - age * 3600, now - age * 3600))
        (templates / f"{name}.lock").touch()
    # a build that died, a build under way, and a lock file left alone
    dead, busy = f"{10:016x}", f"{11:016x}"
    for name in (dead, busy):
        (templates / f"{name}.part").mkdir()
        (templates / f"{name}.lock").touch()
    (templates / f"{12:016x}.lock").touch()

    with (
        open(templates / f"{names[4]}.lock", "a") as held,
        open(templates / f"{busy}.lock", "a") as building,
    ):
        fcntl.flock(held, fcntl.LOCK_SH)  # a run copying the oldest template
        fcntl.flock(building, fcntl.LOCK_EX)  # a build under way
        result = run_script(
            PRUNE.format(current=names[0]), _env(run_env, fresh_state), timeout=60
        )
    assert result.returncode == 0, result.stderr
    assert _templates(fresh_state) == sorted(
        [
            names[0],
            f"{names[0]}.lock",
            names[1],  # the newest other one
            f"{names[1]}.lock",
            names[4],  # held
            f"{names[4]}.lock",
            f"{busy}.lock",
            f"{busy}.part",
        ]
    )


def test_pg_start_removes_only_a_dead_servers_pid_file(run_env, fresh_state):
    cluster = fresh_state / "pg"
    script = f"""
        source setup/common.sh
        pg_start {cluster}
        trap 'pg_stop {cluster}' EXIT
        psql -d postgres -Atc 'SHOW timezone'
        # a second start on the same cluster refuses, and leaves the pid file
        (pg_start {cluster}) && exit 9
        test -f {cluster}/data/postmaster.pid
        pg_stop {cluster}
        # a pid file left by a server killed long ago, its pid now another program's
        printf '%s\\n{cluster}/data\\n' "$$" >{cluster}/data/postmaster.pid
        pg_start {cluster}
        psql -d postgres -Atc 'SELECT 1'
    """
    result = run_script(script, _env(run_env, fresh_state), timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["UTC", "1"]
    assert "PostgreSQL is already running in" in result.stderr


def _databases(env):
    result = run_script("psql -d postgres -Atc 'SELECT datname FROM pg_database'", env)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_external_server_recovers_a_killed_build(run_env, fresh_state):
    """With PGHOST set the template is a database, built as kam_tpl_<key>.part under
    the same lock; one a killed build left is dropped and built again."""
    server = fresh_state.parent / "server"  # a server standing in for the user's own
    started = run_script(
        f"source setup/common.sh; pg_start {server}; echo $PGHOST $PGPORT", run_env
    )
    assert started.returncode == 0, started.stderr
    host, port = started.stdout.split()
    env = _env(run_env, fresh_state, PGHOST=host, PGPORT=port, KAM_PG_EXTERNAL="1")
    env.update(PGUSER="odoo", FAKE_INSTALL_SECONDS="600")
    build = subprocess.Popen(
        ["bash", "-c", FAKE_RUN],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        installs = fresh_state / "installs.log"
        deadline = time.monotonic() + 120
        while not installs.exists():
            assert build.poll() is None, "the build stopped by itself"
            assert time.monotonic() < deadline, "the build did not start"
            time.sleep(0.2)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        (part,) = [db for db in _databases(env) if db.startswith("kam_tpl_")]
        assert part.endswith(".part")

        env["FAKE_INSTALL_SECONDS"] = "0"
        result = run_script(FAKE_RUN, env, timeout=120)
        assert result.returncode == 0, result.stderr
        assert f"dropping {part}, left by a build that did not finish" in result.stderr
        assert result.stdout.split()[1:] == ["1", "UTC"]
        assert result.stdout.split()[0] == f"template={part[: -len('.part')]}"
        # the template stays; the run's copy went with the run
        assert {db for db in _databases(env) if db.startswith(("kam_", "fake_"))} == {
            part[: -len(".part")]
        }
    finally:
        try:
            os.killpg(build.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
