# Shared by scripts/platform-up.sh and scripts/platform-down.sh (sourced, not run): where `make up`
# keeps its state, and how it recognises the processes it started.
#
# Settings (environment):
#   ASSESS_PORT           the server's port on 127.0.0.1 (default 8080)
#   ASSESS_PLATFORM_DIR   logs, pid files, tokens (default out/platform; root-only, 0700)
#   ASSESS_DATABASE       the database on the PostgreSQL of scripts/ensure-postgres.sh (default assessments)
#   ASSESS_UP_CHALLENGE   the challenge of the invitation and the two gradings (default api-design)
#   ASSESS_CHALLENGES     the folder of challenges the server and the worker serve (default challenges/)
#   ASSESSMENTS_PGPORT    that PostgreSQL's port (default 55432)

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
configuration=${CONFIGURATION:-Release}
port=${ASSESS_PORT:-8080}
platform_dir=${ASSESS_PLATFORM_DIR:-$repo/out/platform}
database=${ASSESS_DATABASE:-assessments}
challenge=${ASSESS_UP_CHALLENGE:-api-design}
challenges=${ASSESS_CHALLENGES:-$repo/challenges}
pg_port=${ASSESSMENTS_PGPORT:-55432}
server_url=http://127.0.0.1:$port
connection_string="Host=127.0.0.1;Port=$pg_port;Username=assessments;Database=$database"

server_dll=$repo/src/Assessments.Server/bin/$configuration/net10.0/Assessments.Server.dll
worker_dll=$repo/runner/Assessments.Worker/bin/$configuration/net10.0/Assessments.Worker.dll
assess_dll=$repo/src/Assessments.Cli/bin/$configuration/net10.0/assess.dll

say() { printf '[platform] %s\n' "$*" >&2; }
fail() { printf '[platform] error: %s\n' "$*" >&2; exit 1; }

# The pid of the process `make up` started as <name> (server, worker) when it is still that process:
# a pid file outliving its process (a reboot) must not make us signal whatever got the number since.
running_pid() {
  local name=$1 dll pid
  dll=$([ "$name" = server ] && echo "$server_dll" || echo "$worker_dll")
  [ -s "$platform_dir/$name.pid" ] || return 1
  pid=$(cat "$platform_dir/$name.pid")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dll" || return 1
  echo "$pid"
}
