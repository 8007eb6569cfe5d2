# shellcheck shell=bash
# Shared helpers for the setup scripts. Source it; do not run it.
#
# Environment a user may set:
#   ODOO_SRC        Odoo 18.0 source: a source tree or a git repository (bare or not)
#   ODOO_REF        branch, tag or commit to take from ODOO_SRC (git only; default HEAD)
#   KAM_CACHE       cache directory (default: ${XDG_CACHE_HOME:-~/.cache}/kam-suite)
#   KAM_STATE       template databases, demo and test clusters (default: KAM_CACHE;
#                   /var/tmp/kam-suite under root)
#   KAM_NO_APT      set: never install Debian packages, only name them
#   PGHOST/PGPORT/PGUSER/PGPASSWORD
#                   use this PostgreSQL server instead of a private cluster
#   PYTHON          interpreter for the virtualenv (default: python3)

set -euo pipefail
shopt -s inherit_errexit

KAM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# HOME may be unset (cron, some CI runners): ask the password database then.
KAM_HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6 || true)}
KAM_CACHE=${KAM_CACHE:-${XDG_CACHE_HOME:-${KAM_HOME:-/tmp}/.cache}/kam-suite}
KAM_ODOO_GIT_URL=${KAM_ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
KAM_ODOO_BRANCH=18.0
KAM_MODULES=kam_management,kam_receivables,kam_job_description
PYTHON=${PYTHON:-python3}
mkdir -p "$KAM_CACHE/odoo" "$KAM_CACHE/venv"
# PostgreSQL refuses to run as root. Under root, clusters (templates and runs) live
# where the unprivileged "postgres" user can reach them; otherwise in the cache.
if [[ $(id -u) == 0 ]]; then
    KAM_STATE=${KAM_STATE:-/var/tmp/kam-suite}
    KAM_PG_OS_USER=${KAM_PG_OS_USER:-postgres}
else
    KAM_STATE=${KAM_STATE:-$KAM_CACHE}
    KAM_PG_OS_USER=
fi
mkdir -p "$KAM_STATE/templates" "$KAM_STATE/run"
# the PostgreSQL user must reach the clusters whatever the umask
[[ -z "$KAM_PG_OS_USER" ]] || chmod 755 "$KAM_STATE" "$KAM_STATE/templates" "$KAM_STATE/run"
export KAM_STATE

say() { printf '[kam] %s\n' "$*" >&2; }
die() {
    printf '[kam] ERROR: %s\n' "$*" >&2
    exit 1
}
die_code() {
    local code=$1
    shift
    printf '[kam] ERROR: %s\n' "$*" >&2
    exit "$code"
}

# --- locks -----------------------------------------------------------------------
# flock(1) locks on lock files, one per thing built in the cache or the state directory.
# The kernel drops a lock when its holder dies, so a killed run leaves no stale lock.
# File descriptors: 6 a run or demo directory, 7 the Odoo source or virtualenv being
# built, 8 the template a run uses, 9 a probe while pruning. Long-lived children
# (PostgreSQL servers) are started with them closed, so they never hold a lock.

# kam_lock FD FILE FLOCK-ARGS...: opens FILE on FD and locks it (-s shared, -x
# exclusive, -n fail instead of waiting). Lock files are removed only by a holder of
# an exclusive lock; when that happened while we waited, we lock the new file instead.
kam_lock() {
    local fd=$1 file=$2
    shift 2
    while :; do
        eval "exec $fd>>\"\$file\""
        if ! flock "$@" "$fd"; then
            eval "exec $fd>&-"
            return 1
        fi
        [[ "$(stat -L -c %d:%i "/dev/fd/$fd")" == "$(stat -c %d:%i "$file" 2>/dev/null)" ]] && return 0
        eval "exec $fd>&-"
    done
}

# kam_lock_or_wait FD FILE MODE WHAT: takes the lock, saying what it waits for when busy.
kam_lock_or_wait() {
    local fd=$1 file=$2 mode=$3 what=$4
    kam_lock "$fd" "$file" "$mode" -n && return 0
    say "waiting for $what"
    kam_lock "$fd" "$file" "$mode"
}

kam_unlock() { eval "exec $1>&-"; }

# Debian packages the suite needs, by the command that proves each is there.
# postgresql-15 is checked through pg_bindir (its binaries are not on PATH).
KAM_DEB_COMMANDS=(
    "chromium:chromium"
    "wkhtmltopdf:wkhtmltopdf"
    "pg_dump:postgresql-client-15"
    "pdftotext:poppler-utils"
    "faketime:faketime"
    "tesseract:tesseract-ocr"
)

pg_bindir() {
    local d
    for d in "${KAM_PG_BINDIR:-}" /usr/lib/postgresql/16/bin /usr/lib/postgresql/15/bin; do
        [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && {
            echo "$d"
            return 0
        }
    done
    command -v initdb >/dev/null && command -v pg_ctl >/dev/null &&
        dirname "$(command -v initdb)" && return 0
    return 1
}

# Prints the Debian packages that are missing, one per line.
missing_system_packages() {
    local entry
    pg_bindir >/dev/null || echo postgresql-15
    for entry in "${KAM_DEB_COMMANDS[@]}"; do
        command -v "${entry%%:*}" >/dev/null || echo "${entry#*:}"
    done
}

# Prints the Debian packages missing to build the virtualenv, one per line: venv
# itself (Debian's python3 comes without it), and what pip needs to compile the
# requirements that have no wheel (psycopg2: pg_config, a C compiler, Python.h).
missing_build_packages() {
    "$PYTHON" -c 'import ensurepip' 2>/dev/null || echo python3-venv
    command -v pg_config >/dev/null || echo libpq-dev
    command -v gcc >/dev/null || echo build-essential
    "$PYTHON" -c 'import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' ||
        echo python3-dev
}

# ensure_system_packages [LISTER]: installs the Debian packages LISTER (default
# missing_system_packages) prints, when it may (root, or password-less sudo), saying
# so; otherwise prints the exact command and stops with exit code 3 and nothing else.
ensure_system_packages() {
    local lister=${1:-missing_system_packages} missing sudo=()
    mapfile -t missing < <("$lister")
    ((${#missing[@]})) || return 0
    if [[ $(id -u) != 0 ]] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
    fi
    if [[ -z "${KAM_NO_APT:-}" ]] && command -v apt-get >/dev/null &&
        { [[ $(id -u) == 0 ]] || ((${#sudo[@]})); }; then
        say "installing the Debian packages this suite needs: ${missing[*]}"
        { "${sudo[@]}" apt-get update -qq &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                --no-install-recommends "${missing[@]}"; } >"$KAM_CACHE/apt.log" 2>&1 ||
            die_code 3 "apt-get install ${missing[*]} failed; see $KAM_CACHE/apt.log"
        mapfile -t missing < <("$lister")
        ((${#missing[@]} == 0)) || die_code 3 "still missing after apt-get: ${missing[*]}"
        return 0
    fi
    local how="sudo apt-get install"
    [[ $(id -u) != 0 ]] || how="apt-get install"
    die_code 3 "missing Debian packages: ${missing[*]}. Install them with: $how ${missing[*]}"
}

# --- Odoo source -----------------------------------------------------------------

# Prints the path of an Odoo 18.0 source tree, materialising it in the cache.
odoo_source() {
    local src ref commit dest
    if [[ -n "${ODOO_SRC:-}" ]]; then
        src=$ODOO_SRC
        [[ -e "$src" ]] || die "ODOO_SRC=$src does not exist. Set ODOO_SRC to an Odoo 18.0 source tree or git repository."
        if git --git-dir="$src" rev-parse --git-dir >/dev/null 2>&1 ||
            git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
            local gitdir
            gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null ||
                git --git-dir="$src" rev-parse --absolute-git-dir)
            ref=${ODOO_REF:-HEAD}
            commit=$(git --git-dir="$gitdir" rev-parse --verify -q "$ref^{commit}") ||
                die "ODOO_REF=$ref is not a branch, tag or commit of $src. Set ODOO_REF to one that exists."
            dest=$KAM_CACHE/odoo/$commit
            if [[ ! -f "$dest/.kam-complete" ]]; then
                kam_lock_or_wait 7 "$dest.lock" -x "another run exporting Odoo $commit"
                if [[ ! -f "$dest/.kam-complete" ]]; then
                    say "exporting Odoo $commit from $src into $dest"
                    rm -rf "$dest.part"
                    mkdir -p "$dest.part"
                    git --git-dir="$gitdir" archive --format=tar "$commit" | tar -x -C "$dest.part"
                    echo "$commit" >"$dest.part/.kam-complete"
                    rm -rf "$dest"
                    mv "$dest.part" "$dest"
                fi
                kam_unlock 7
            fi
        elif [[ -f "$src/odoo-bin" ]]; then
            [[ -z "${ODOO_REF:-}" ]] || say "ODOO_SRC is a plain source tree; ODOO_REF=$ODOO_REF is ignored"
            dest=$(cd "$src" && pwd)
        else
            die "ODOO_SRC=$src is neither a git repository nor an Odoo source tree (no odoo-bin). Set ODOO_SRC to an Odoo 18.0 checkout."
        fi
        check_odoo_tree "$dest"
        # atomically, and with a name of our own: another run may be doing the same
        ln -sfn "$dest" "$KAM_CACHE/odoo/current.$$" && mv -T "$KAM_CACHE/odoo/current.$$" "$KAM_CACHE/odoo/current"
    elif [[ -f "$KAM_CACHE/odoo/current/odoo-bin" ]]; then
        dest=$(readlink -f "$KAM_CACHE/odoo/current")
    else
        dest=$KAM_CACHE/odoo/github-$KAM_ODOO_BRANCH
        if [[ ! -f "$dest/odoo-bin" ]]; then
            kam_lock_or_wait 7 "$dest.lock" -x "another run cloning Odoo"
            if [[ ! -f "$dest/odoo-bin" ]]; then
                say "cloning Odoo $KAM_ODOO_BRANCH from $KAM_ODOO_GIT_URL (shallow)"
                rm -rf "$dest.part"
                git clone -q --depth 1 --branch "${ODOO_REF:-$KAM_ODOO_BRANCH}" "$KAM_ODOO_GIT_URL" "$dest.part" ||
                    die "could not clone Odoo from $KAM_ODOO_GIT_URL. Set ODOO_SRC to a local Odoo 18.0 source tree or git repository (and ODOO_REF to a ref in it)."
                mv "$dest.part" "$dest"
            fi
            kam_unlock 7
        fi
        ln -sfn "$dest" "$KAM_CACHE/odoo/current.$$" && mv -T "$KAM_CACHE/odoo/current.$$" "$KAM_CACHE/odoo/current"
    fi
    check_odoo_tree "$dest"
    echo "$dest"
}

check_odoo_tree() {
    local dest=$1
    [[ -f "$dest/odoo/release.py" ]] || die "$dest is not an Odoo source tree. Set ODOO_SRC (and ODOO_REF) to an Odoo 18.0 source."
    grep -q "version_info = (18, 0" "$dest/odoo/release.py" ||
        die "$dest is not Odoo 18.0 ($(grep -m1 '^version_info' "$dest/odoo/release.py")). Set ODOO_SRC/ODOO_REF to an 18.0 source."
}

# --- virtualenv ------------------------------------------------------------------

hash_files() { cat "$@" | sha1sum | cut -c1-12; }

# Prints the virtualenv path for the given Odoo source, creating it when needed.
odoo_venv() {
    local odoo=$1 key venv pyver reqs
    pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    key=$( (
        echo "$pyver"
        cat "$odoo/requirements.txt" "$KAM_ROOT/setup/requirements-dev.txt" "$KAM_ROOT/setup/constraints.txt"
    ) | sha1sum | cut -c1-12)
    venv=$KAM_CACHE/venv/py$pyver-$key
    if [[ ! -f "$venv/.kam-complete" ]]; then
        kam_lock_or_wait 7 "$venv.lock" -x "another run creating the virtualenv $venv"
    fi
    if [[ ! -f "$venv/.kam-complete" ]]; then
        ensure_system_packages missing_build_packages
        say "creating virtualenv $venv (Odoo requirements + dev tools); this takes a few minutes once"
        rm -rf "$venv"
        "$PYTHON" -m venv "$venv"
        reqs=$venv/odoo-requirements.txt
        # python-ldap needs libldap/libsasl headers and only serves auth_ldap, which we do not use.
        grep -v -i '^python-ldap' "$odoo/requirements.txt" >"$reqs"
        PIP_CONSTRAINT=$KAM_ROOT/setup/constraints.txt "$venv/bin/pip" install -q --disable-pip-version-check \
            -r "$reqs" -r "$KAM_ROOT/setup/requirements-dev.txt" >"$venv/pip.log" 2>&1 || {
            tail -30 "$venv/pip.log" >&2
            die "installing Python requirements failed (log: $venv/pip.log)"
        }
        touch "$venv/.kam-complete"
    fi
    kam_unlock 7
    echo "$venv"
}

# --- PostgreSQL ------------------------------------------------------------------

free_port() {
    "$PYTHON" - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# Runs a PostgreSQL server command as the unprivileged user when we are root.
as_pg() {
    if [[ -n "$KAM_PG_OS_USER" ]]; then
        runuser -u "$KAM_PG_OS_USER" -- "$@"
    else
        "$@"
    fi
}

# Starts a private cluster in directory $1 (initialising it when empty).
# Exports PGHOST/PGPORT/PGUSER for it.
pg_start() {
    local dir=$1 bindir
    bindir=$(pg_bindir) || die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install the Debian package postgresql-15 (apt-get install postgresql-15)."
    mkdir -p "$dir/socket"
    if [[ -n "$KAM_PG_OS_USER" ]]; then
        id -u "$KAM_PG_OS_USER" >/dev/null 2>&1 ||
            die "running as root needs the system user '$KAM_PG_OS_USER' to own PostgreSQL (the Debian package postgresql-15 creates it), or set KAM_PG_OS_USER"
        chown -R "$KAM_PG_OS_USER" "$dir"
        as_pg test -w "$dir/socket" ||
            die "the PostgreSQL user '$KAM_PG_OS_USER' cannot reach $dir: set KAM_STATE to a directory it can reach (default /var/tmp/kam-suite)"
    fi
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        as_pg "$bindir/initdb" -D "$dir/data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
            die "initdb failed; see $dir/initdb.log"
    fi
    # a pid file left by a killed server goes; a running server's stays
    if postmaster_pid "$dir/data" >/dev/null; then
        die "PostgreSQL is already running in $dir/data (pid $(postmaster_pid "$dir/data")); stop that run first"
    fi
    rm -f "$dir/data/postmaster.pid"
    PGPORT=$(free_port)
    # Times in UTC whatever the machine's zone, as Odoo expects. The lock descriptors
    # are closed: the server outlives this script when it is killed.
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-k $dir/socket -p $PGPORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=80 -c timezone=UTC -c log_timezone=UTC" \
        start >/dev/null 6>&- 7>&- 8>&- 9>&- || {
        tail -20 "$dir/postgres.log" >&2
        die "PostgreSQL did not start; see $dir/postgres.log"
    }
    export PGHOST=$dir/socket PGPORT PGUSER=odoo
    unset PGPASSWORD
    KAM_PG_DIR=$dir
}

# Prints the pid of the server running on data directory $1; fails when none is.
postmaster_pid() {
    local pid
    pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || return 1
    [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
    # the pid may have been reused since the server died: it must be a PostgreSQL
    # server of this data directory (pg_ctl starts it as "postgres -D <dir> ...")
    local cmdline
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ "$cmdline" =~ (^|/)(postgres|postmaster)\  && "$cmdline" == *" -D $1 "* ]] || return 1
    echo "$pid"
}

pg_stop() {
    local dir=${1:-${KAM_PG_DIR:-}} bindir
    [[ -n "$dir" && -f "$dir/data/postmaster.pid" ]] || return 0
    bindir=$(pg_bindir) || return 0
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Decided once, before pg_start exports PGHOST for a private cluster.
if [[ -z "${KAM_PG_EXTERNAL:-}" ]]; then
    if [[ -n "${PGHOST:-}" || -n "${PGPORT:-}" ]]; then KAM_PG_EXTERNAL=1; else KAM_PG_EXTERNAL=0; fi
    export KAM_PG_EXTERNAL
fi
external_pg() { [[ "$KAM_PG_EXTERNAL" == 1 ]]; }

# --- Odoo configuration and template databases ------------------------------------

addons_hash() {
    (
        cd "$KAM_ROOT"
        # What the install reads: tests, readme fragments, .pot files and packaging do not count.
        find kam_* -type f ! -path '*/__pycache__/*' ! -name '*.pyc' ! -path '*/tests/*' \
            ! -path '*/readme/*' ! -name '*.pot' ! -name 'README.rst' ! -name pyproject.toml \
            ! -path '*/build/*' -print0 | sort -z | xargs -0 sha1sum
    ) | sha1sum | cut -c1-12
}

# Writes an odoo.conf for the current PostgreSQL settings to $1.
write_odoo_conf() {
    local conf=$1 odoo=$2 datadir=$3
    cat >"$conf" <<EOF
[options]
addons_path = $odoo/odoo/addons,$odoo/addons,$KAM_ROOT
data_dir = $datadir
db_host = ${PGHOST:-False}
db_port = ${PGPORT:-False}
db_user = ${PGUSER:-odoo}
db_password = ${PGPASSWORD:-False}
admin_passwd = admin
list_db = True
without_demo = False
max_cron_threads = 0
log_level = info
EOF
}

# Fails with Odoo's error lines when a log has ERROR/CRITICAL lines or unexpected warnings.
check_odoo_log() {
    local log=$1 what=$2 bad
    bad=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL|WARNING) ' "$log" |
        grep -v -E -f "$KAM_ROOT/setup/allowed-warnings.txt" || true)
    if [[ -n "$bad" ]]; then
        printf '%s\n' "$bad" | head -40 >&2
        die "$what: Odoo logged errors or warnings (full log: $log)"
    fi
}

# Runs setup/bootstrap and takes its ODOO_DIR/VENV assignments; stops when it fails.
load_bootstrap() {
    local out
    out=$("$KAM_ROOT/setup/bootstrap") || exit $?
    eval "$out"
}
