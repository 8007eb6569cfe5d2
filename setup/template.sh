# shellcheck shell=bash
# Template database: the three add-ons installed with demo data, cached on the
# content of the add-ons, the Odoo commit and the virtualenv. Source after common.sh.
#
# In $KAM_STATE/templates, per template key:
#   <key>/        a complete template (private cluster: pg/data and data/, database kam)
#   <key>.part/   a build under way, or one that died (then recovered by the next run)
#   <key>.lock    its lock: exclusive while building or removing, shared while copying
# On an external server (PGHOST...) the template is the database kam_tpl_<key>, built
# as kam_tpl_<key>.part; kam_tpl_<key>/ holds its filestore and <key>.lock its lock.

# how many templates to keep (several worktrees or branches may be testing at once)
KAM_TEMPLATE_KEEP=${KAM_TEMPLATE_KEEP:-8}

# Sets TEMPLATE_KEY for $ODOO_DIR/$VENV.
template_key() {
    TEMPLATE_KEY=$( (
        basename "$ODOO_DIR"
        basename "$VENV"
        echo "$KAM_MODULES"
        addons_hash
        # how a template is made (locking and pruning do not change what it holds)
        declare -f write_odoo_conf install_modules
    ) | sha1sum | cut -c1-16)
}

# Runs odoo-bin with the given config and arguments, logging to $1.
odoo_bin() {
    local log=$1
    shift
    PYTHONPATH=$ODOO_DIR "$VENV/bin/python" "$ODOO_DIR/odoo-bin" "$@" --logfile="$log"
}

# Installs the modules into database $1 of the current server; fails with Odoo's errors.
install_modules() {
    local db=$1 conf=$2 log=$3
    say "installing $KAM_MODULES with demo data into $db (a few minutes once per add-on change)"
    if ! odoo_bin "$log" -c "$conf" -d "$db" -i "$KAM_MODULES" --stop-after-init --no-http; then
        # from Odoo's first error to the end: the cause is at the bottom of a traceback
        sed -n '/^[0-9-]* [0-9:,]* [0-9]* \(ERROR\|CRITICAL\) /,$p' "$log" | tail -60 >&2
        die "installing the add-ons failed (full log: $log)"
    fi
    check_odoo_log "$log" "installing the add-ons"
}

db_exists() {
    psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

# Makes sure the template exists and sets TEMPLATE to it:
#   private cluster: the directory holding pg/data and data/ (database kam)
#   external server: the name of the template database
# Returns holding the template's lock, so that nobody prunes it while the caller copies
# it; release_template (start_run_database calls it) lets it go.
ensure_template() {
    local tdir=$KAM_STATE/templates name
    template_key
    name=$TEMPLATE_KEY
    external_pg && name=kam_tpl_$TEMPLATE_KEY
    mkdir -p "$tdir"
    kam_lock_or_wait 8 "$tdir/$name.lock" -s "another run building the template $name"
    if ! template_complete "$name"; then
        kam_unlock 8
        kam_lock_or_wait 8 "$tdir/$name.lock" -x "another run building the template $name"
        if ! template_complete "$name"; then
            if external_pg; then build_external_template "$name"; else build_private_template "$name"; fi
            prune_templates "$name"
        fi
    fi
    # the use time decides which templates pruning keeps
    mkdir -p "$tdir/$name"
    touch "$tdir/$name/.kam-used"
    if external_pg; then TEMPLATE=$name; else TEMPLATE=$tdir/$name; fi
}

release_template() { kam_unlock 8; }

template_complete() {
    if external_pg; then
        db_exists "$1"
    else
        [[ -f "$KAM_STATE/templates/$1/.kam-complete" ]]
    fi
}

# Builds a template in <key>.part and renames it <key> once complete (under its lock).
build_private_template() {
    local dir=$KAM_STATE/templates/$1
    recover_template_part "$1"
    mkdir -p "$dir.part"
    # in a subshell: its EXIT trap stops the build server whatever happens
    (
        pg_start "$dir.part/pg"
        trap 'pg_stop "$dir.part/pg"' EXIT
        createdb kam
        write_odoo_conf "$dir.part/odoo.conf" "$ODOO_DIR" "$dir.part/data"
        install_modules kam "$dir.part/odoo.conf" "$dir.part/install.log"
    ) 8>&-
    touch "$dir.part/.kam-complete"
    rm -rf "$dir"
    mv "$dir.part" "$dir"
}

# Builds database <name>.part and renames it <name> once complete (under its lock).
build_external_template() {
    local db=$1 work=$KAM_STATE/templates/$1
    recover_template_part "$db"
    mkdir -p "$work"
    rm -rf "$work/data/filestore/$db"
    write_odoo_conf "$work/odoo.conf" "$ODOO_DIR" "$work/data"
    createdb "$db.part" ||
        die "could not create a database on ${PGHOST:-localhost}:${PGPORT:-5432} as ${PGUSER:-$(id -un)}"
    install_modules "$db.part" "$work/odoo.conf" "$work/install.log" 8>&-
    # the filestore first: a database with the final name is a complete template
    if [[ -d "$work/data/filestore/$db.part" ]]; then
        mv "$work/data/filestore/$db.part" "$work/data/filestore/$db"
    fi
    psql -d postgres -qc "ALTER DATABASE \"$db.part\" RENAME TO \"$db\""
}

# Removes what a build of template $1 that died left behind. Call holding its lock
# exclusively: nobody else is building it then.
recover_template_part() {
    local name=$1 tdir=$KAM_STATE/templates
    if external_pg; then
        if db_exists "$name.part"; then
            say "dropping $name.part, left by a build that did not finish"
            dropdb "$name.part" ||
                die "could not drop the unfinished template database $name.part (is a crashed Odoo still connected to it?)"
        fi
        rm -rf "$tdir/$name/data/filestore/$name.part"
    elif [[ -e "$tdir/$name.part" ]]; then
        say "removing $tdir/$name.part, left by a build that did not finish"
        # its server may have outlived the build
        pg_stop "$tdir/$name.part/pg"
        rm -rf "$tdir/$name.part"
    fi
}

# Removes template $1 (complete or not). Call holding its lock exclusively.
remove_template() {
    local name=$1 tdir=$KAM_STATE/templates
    recover_template_part "$name"
    if external_pg; then
        dropdb --if-exists "$name" 2>/dev/null || return 1
    fi
    rm -rf "${tdir:?}/$name"
}

# Prints the names of the templates matching $1, most recently used first.
template_names_by_use() {
    local tdir=$KAM_STATE/templates entry used
    for entry in "$tdir"/$1; do
        [[ -d "$entry" && "$entry" != *.part ]] || continue
        used=$entry/.kam-used
        [[ -e "$used" ]] || used=$entry
        # another run may be pruning it just now
        used=$(stat -c %Y "$used" 2>/dev/null) || continue
        printf '%s %s\n' "$used" "${entry##*/}"
    done | sort -rn | cut -d' ' -f2-
}

# Keeps the $KAM_TEMPLATE_KEEP most recently used templates of this kind (private or
# external) besides $1, removes unfinished builds that died, and lock files left
# without a template. Only what nobody holds goes (non-blocking exclusive lock).
prune_templates() {
    local current=$1 tdir=$KAM_STATE/templates pattern entry name count=0
    if external_pg; then pattern='kam_tpl_*'; else pattern='[0-9a-f]*'; fi
    # complete or not, most recently used first
    while IFS= read -r name; do
        [[ "$name" != "$current" ]] || continue
        count=$((count + 1))
        ((count >= KAM_TEMPLATE_KEEP)) || continue
        if kam_lock 9 "$tdir/$name.lock" -x -n; then
            say "removing the template $name (not used recently)"
            remove_template "$name" && rm -f "$tdir/$name.lock"
            kam_unlock 9
        fi
    done < <(template_names_by_use "$pattern")
    # builds that died, and their database on an external server
    local parts=()
    mapfile -t parts < <(find "$tdir" -mindepth 1 -maxdepth 1 -name "$pattern.part" -printf '%f\n')
    if external_pg; then
        mapfile -t -O "${#parts[@]}" parts < <(psql -d postgres -Atc \
            "SELECT datname FROM pg_database WHERE datname LIKE 'kam\_tpl\_%.part'")
    fi
    for name in "${parts[@]}"; do
        name=${name%.part}
        [[ "$name" != "$current" ]] || continue
        if kam_lock 9 "$tdir/$name.lock" -x -n; then
            recover_template_part "$name" || true
            kam_unlock 9
        fi
    done
    # lock files whose template is gone
    for entry in "$tdir"/$pattern.lock; do
        [[ -e "$entry" ]] || continue
        name=${entry##*/}
        name=${name%.lock}
        [[ "$name" != "$current" && ! -e "$tdir/$name" && ! -e "$tdir/$name.part" ]] || continue
        if kam_lock 9 "$entry" -x -n; then
            if ! { external_pg && db_exists "$name"; }; then rm -f "$entry"; fi
            kam_unlock 9
        fi
    done
}

# Starts a throw-away server for this run holding a copy of the template as
# database "kam" (or copies the template database on an external server), then
# releases the template. Sets RUN_DIR, RUN_DB and writes $RUN_DIR/odoo.conf.
start_run_database() {
    local template=$1 prefix=$2
    prune_runs
    RUN_DIR=$(mktemp -d "$KAM_STATE/run/$prefix-XXXXXX")
    chmod 755 "$RUN_DIR"
    # held while the run lives: prune_runs leaves it alone
    kam_lock 6 "$RUN_DIR/.kam-run.lock" -x
    if external_pg; then
        RUN_DB=${prefix}_$(basename "$RUN_DIR" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
        createdb -T "$template" "$RUN_DB"
        mkdir -p "$RUN_DIR/data/filestore"
        if [[ -d "$KAM_STATE/templates/$template/data/filestore/$template" ]]; then
            cp -a "$KAM_STATE/templates/$template/data/filestore/$template" "$RUN_DIR/data/filestore/$RUN_DB"
        fi
        release_template
    else
        RUN_DB=kam
        mkdir -p "$RUN_DIR/pg" "$RUN_DIR/data"
        cp -a "$template/pg/data" "$RUN_DIR/pg/data"
        [[ ! -d "$template/data" ]] || cp -a "$template/data/." "$RUN_DIR/data/"
        release_template
        pg_start "$RUN_DIR/pg"
    fi
    write_odoo_conf "$RUN_DIR/odoo.conf" "$ODOO_DIR" "$RUN_DIR/data"
    echo "db_name = $RUN_DB" >>"$RUN_DIR/odoo.conf"
}

stop_run_database() {
    [[ -n "${RUN_DIR:-}" ]] || return 0
    if external_pg; then
        [[ -z "${RUN_DB:-}" ]] || dropdb --if-exists "$RUN_DB" 2>/dev/null || true
    else
        pg_stop "$RUN_DIR/pg"
    fi
    if [[ -n "${KAM_KEEP_RUN:-}" ]]; then
        touch "$RUN_DIR/.kam-keep" # prune_runs leaves it alone
        say "kept $RUN_DIR (KAM_KEEP_RUN)"
    else
        rm -rf "$RUN_DIR"
    fi
    kam_unlock 6
}

# Removes the run directories of runs that were killed (their lock is free), stopping
# the server they left running. A fresh directory is left alone: its run may not have
# locked it yet.
prune_runs() {
    local lock dir
    while IFS= read -r lock; do
        dir=${lock%/.kam-run.lock}
        [[ ! -e "$dir/.kam-keep" ]] || continue
        if kam_lock 9 "$lock" -x -n; then
            say "removing $dir, left by a run that was killed"
            pg_stop "$dir/pg"
            rm -rf "$dir"
            kam_unlock 9
        fi
    done < <(find "$KAM_STATE/run" -mindepth 2 -maxdepth 2 -name .kam-run.lock -mmin +10 2>/dev/null)
}
