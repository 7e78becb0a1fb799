# Sourced by scripts/platform-up.sh once the server and the worker are ready: an interviewer, one
# invitation, the starter kit and the senior reference uploaded with that invitation and graded by the
# worker, then the URLs to open. Each is made once and remembered in $platform_dir/state (0600), so a
# second `make up` prints the same URLs; whatever the database no longer knows is made again.

state_file=$platform_dir/state
touch "$state_file"
chmod 600 "$state_file"
state_get() { grep -m1 "^$1=" "$state_file" | cut -d= -f2- || true; }
state_set() {
  { grep -v "^$1=" "$state_file" || true; printf '%s=%s\n' "$1" "$2"; } >"$state_file.new"
  mv -f "$state_file.new" "$state_file"
}
# Whether the server answers 200 to this token for this path.
answers() { curl -fsS -o /dev/null --max-time 10 -H "Authorization: Bearer $2" "$server_url$1"; }
get_json() { curl -fsS --max-time 10 -H "Authorization: Bearer $2" "$server_url$1"; }
json_field() { grep -oE "\"$1\":(\"[^\"]*\"|[0-9]+|null)" | head -1 | cut -d: -f2- | tr -d '"'; }
guid_in() { grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' | head -1; }

# What the state names belongs to one database and challenge; anything else starts afresh.
if [ "$(state_get database)" != "$database" ] || [ "$(state_get challenge)" != "$challenge" ]; then
  printf 'database=%s\nchallenge=%s\n' "$database" "$challenge" >"$state_file"
fi

# Tokens go as --token=<value>: a base64url token may begin with "-", which would read as an option.
interviewer_name=$(state_get interviewer_name)
interviewer_token=$(state_get interviewer_token)
if [ -z "$interviewer_token" ] || ! answers /api/challenges "$interviewer_token"; then
  interviewer_name="Irene Interviewer"
  say "creating the interviewer $interviewer_name"
  if ! created=$(assess admin add-user --server "$server_url" --token="$admin_token" --name "$interviewer_name" --role interviewer 2>&1); then
    # The name is taken by an interviewer an earlier state knew: a new one, with a name of its own.
    interviewer_name="Irene Interviewer $(date -u +%Y%m%d-%H%M%S)"
    created=$(assess admin add-user --server "$server_url" --token="$admin_token" --name "$interviewer_name" --role interviewer 2>&1) \
      || { printf '%s\n' "$created" >&2; fail "could not create an interviewer"; }
  fi
  interviewer_token=$(tail -n 1 <<<"$created")
  state_set interviewer_name "$interviewer_name"
  state_set interviewer_token "$interviewer_token"
fi

candidate_name="Ada Lovelace"
invite_token=$(state_get invite_token)
if [ -z "$invite_token" ] || ! answers /api/me "$invite_token"; then
  say "inviting $candidate_name to $challenge"
  invited=$(assess admin invite --server "$server_url" --token="$interviewer_token" --challenge "$challenge" --candidate "$candidate_name" 2>&1) \
    || { printf '%s\n' "$invited" >&2; fail "could not create the invitation"; }
  invite_token=$(tail -n 1 <<<"$invited")
  state_set invite_token "$invite_token"
  state_set starter_id ""
  state_set senior_id ""
fi

# Waits until the worker has finished grading submission $1 ($2 names it), saying how it goes.
wait_for_grading() {
  local id=$1 what=$2 deadline=$((SECONDS + grading_timeout)) said=$SECONDS state
  while :; do
    state=$(get_json "/api/me/submissions/$id" "$invite_token" | json_field state) || state=unknown
    case $state in finished | failed) return 0 ;; esac
    running_pid worker >/dev/null || { log_tail "$platform_dir/worker.log"; fail "the runner worker stopped while the $what was $state (its log: $platform_dir/worker.log)"; }
    [ "$SECONDS" -lt "$deadline" ] || fail "the $what was still $state after $grading_timeout s (ASSESS_UP_GRADING_TIMEOUT); see $platform_dir/worker.log"
    if [ $((SECONDS - said)) -ge 30 ]; then
      say "the $what is $state ($((SECONDS - deadline + grading_timeout)) s)"
      said=$SECONDS
    fi
    sleep 2
  done
}

# Uploads folder $2 with the invitation unless state key $1 names a submission the server still has.
# One grading at a time per candidate, so each waits for its grading before the next upload.
grade() {
  local key=$1 folder=$2 what=$3 id uploaded
  id=$(state_get "$key")
  if [ -z "$id" ] || ! answers "/api/me/submissions/$id" "$invite_token"; then
    say "uploading the $what ($folder)"
    uploaded=$(assess submit --server "$server_url" --token="$invite_token" "$folder" 2>&1) \
      || { printf '%s\n' "$uploaded" >&2; fail "the upload of the $what was refused"; }
    id=$(guid_in <<<"$uploaded")
    [ -n "$id" ] || { printf '%s\n' "$uploaded" >&2; fail "the upload of the $what printed no submission id"; }
    state_set "$key" "$id"
  fi
  wait_for_grading "$id" "$what"
}

senior_folder=$(awk '/^references:/ { inside = 1; next } inside && /^[^ #]/ { inside = 0 } inside && $1 == "senior:" { print $2 }' "$challenges/$challenge/challenge.yaml")
[ -n "$senior_folder" ] || fail "challenge $challenge names no senior reference in its challenge.yaml"
grade starter_id "challenges/$challenge/starter" "starter kit"
grade senior_id "challenges/$challenge/$senior_folder" "senior reference"

# One line per graded submission: what, level, score, its review page.
graded_line() {
  local summary
  summary=$(get_json "/api/submissions/$(state_get "$1")" "$interviewer_token")
  printf '                     %-17s %-12s %-4s %s/review/submissions/%s\n' "$2" \
    "$(json_field level <<<"$summary" | sed 's/^null$/-/')" "$(json_field score <<<"$summary" | sed 's/^null$/-/')" "$server_url" "$(state_get "$1")"
}

review="/review?challenge=$challenge"
cat <<EOF

Assessments is up on $server_url (logs in $platform_dir; stop it with: make down)

  Candidate          $server_url/invite/$invite_token
                     ($candidate_name's invitation to $challenge: the brief, the starter kit, the upload)
  Interviewer        $server_url/signin?returnUrl=$(sed 's|/|%2F|g; s|?|%3F|g; s|=|%3D|g' <<<"$review")
                     token: $interviewer_token
                     ($interviewer_name: paste the token into the sign-in form)
  Review page        $server_url$review
$(graded_line starter_id "starter kit")
$(graded_line senior_id "senior reference")
  Calibration        $server_url/calibration/$challenge
                     ("Grade the calibration set" queues the four reference solutions)
  API reference      $server_url/scalar/
EOF
if [ -n "$new_admin_token" ]; then
  echo "  Admin token        $new_admin_token"
  echo "                     (shown once; kept in $admin_token_file, readable by root only)"
else
  echo "  Admin token        kept in $admin_token_file (readable by root only)"
fi
