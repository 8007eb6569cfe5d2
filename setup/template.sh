# shellcheck shell=bash
# Template database: the three add-ons installed with demo data, cached on the
# content of the add-ons, the Odoo commit and the virtualenv. Source after common.sh.

# Sets TEMPLATE_KEY for $ODOO_DIR/$VENV.
template_key() {
    TEMPLATE_KEY=$( (
        basename "$ODOO_DIR"
        basename "$VENV"
        addons_hash
        cat "$KAM_ROOT/setup/template.sh"
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

# Makes sure a template exists and prints where it is:
#   private cluster: directory holding pgdata/ and filestore/ (database kam)
#   external server: the name of a template database
ensure_template() {
    template_key
    if external_pg; then
        local db=kam_tpl_$TEMPLATE_KEY
        if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
            local work=$KAM_STATE/templates/$db
            mkdir -p "$work"
            write_odoo_conf "$work/odoo.conf" "$ODOO_DIR" "$work/data"
            createdb "$db.part" || die "could not create a database on $PGHOST:$PGPORT as ${PGUSER:-$USER}"
            install_modules "$db.part" "$work/odoo.conf" "$work/install.log"
            psql -d postgres -qc "ALTER DATABASE \"$db.part\" RENAME TO \"$db\""
            mv "$work/data/filestore/$db.part" "$work/data/filestore/$db" 2>/dev/null || true
        fi
        echo "$db"
        return 0
    fi
    local dir=$KAM_STATE/templates/$TEMPLATE_KEY
    if [[ ! -f "$dir/.kam-complete" ]]; then
        mkdir -p "$KAM_STATE/templates"
        exec 9>"$dir.lock"
        flock 9
        if [[ ! -f "$dir/.kam-complete" ]]; then
            rm -rf "$dir.part"
            mkdir -p "$dir.part"
            (
                pg_start "$dir.part/pg"
                trap 'pg_stop "$dir.part/pg"' EXIT
                createdb kam
                write_odoo_conf "$dir.part/odoo.conf" "$ODOO_DIR" "$dir.part/data"
                install_modules kam "$dir.part/odoo.conf" "$dir.part/install.log"
            )
            rm -rf "$dir"
            mv "$dir.part" "$dir"
            touch "$dir/.kam-complete"
            # keep the eight newest templates (several worktrees may be testing at once)
            find "$KAM_STATE/templates" -mindepth 1 -maxdepth 1 -type d ! -name '*.part' -printf '%T@ %p\n' |
                sort -rn | tail -n +9 | cut -d' ' -f2- | xargs -r rm -rf
            # and what failed or pruned builds left behind more than a day ago
            find "$KAM_STATE/templates" -mindepth 1 -maxdepth 1 \( -name '*.part' -o -name '*.lock' \) \
                -mmin +1440 -exec rm -rf {} +
        fi
        flock -u 9
    fi
    echo "$dir"
}

# Starts a throw-away server for this run holding a copy of the template as
# database "kam" (or copies the template database on an external server).
# Sets RUN_DIR, RUN_DB and writes $RUN_DIR/odoo.conf.
start_run_database() {
    local template=$1 prefix=$2
    RUN_DIR=$(mktemp -d "$KAM_STATE/run/$prefix-XXXXXX")
    chmod 755 "$RUN_DIR"
    if external_pg; then
        RUN_DB=${prefix}_$(basename "$RUN_DIR" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
        createdb -T "$template" "$RUN_DB"
        mkdir -p "$RUN_DIR/data/filestore"
        cp -a "$KAM_STATE/templates/$template/data/filestore/$template" "$RUN_DIR/data/filestore/$RUN_DB" 2>/dev/null || true
    else
        RUN_DB=kam
        mkdir -p "$RUN_DIR/pg"
        cp -a "$template/pg/data" "$RUN_DIR/pg/data"
        mkdir -p "$RUN_DIR/data"
        cp -a "$template/data/." "$RUN_DIR/data/"
        pg_start "$RUN_DIR/pg"
    fi
    write_odoo_conf "$RUN_DIR/odoo.conf" "$ODOO_DIR" "$RUN_DIR/data"
    echo "db_name = $RUN_DB" >>"$RUN_DIR/odoo.conf"
}

stop_run_database() {
    [[ -n "${RUN_DIR:-}" ]] || return 0
    if external_pg; then
        dropdb --if-exists "$RUN_DB" 2>/dev/null || true
    else
        pg_stop "$RUN_DIR/pg"
    fi
    [[ -n "${KAM_KEEP_RUN:-}" ]] || rm -rf "$RUN_DIR"
}
