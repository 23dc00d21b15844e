#!/bin/bash
# wrk-pages.sh BINARY DB [PORT] (issue 11): on a bench data set (rep0 / admin as `rapport bench` made them): serve DB, sign in rep0 and admin, run wrk -t2 -c4 over the list and searches.
BIN=$1; DB=$2; PORT=${3:-18090}
export RAPPORT_DATABASE=$DB
$BIN serve --port $PORT --database $DB > /tmp/wrk-serve.log 2>&1 &
SP=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:$PORT/health >/dev/null && break; sleep 1; done
signin() { # user password -> cookie value
  local jar=$(mktemp)
  local page=$(curl -s -c $jar http://127.0.0.1:$PORT/login)
  local csrf=$(echo "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -b $jar -c $jar -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" http://127.0.0.1:$PORT/login
  grep rapport_session $jar | awk '{print $7}'
}
REP=$(signin rep0 bench-password-0)
ADMIN=$(signin admin bench-admin-password)
echo "rep cookie ${REP:0:6}… admin cookie ${ADMIN:0:6}…"
run() { # label cookie path
  local out=$(wrk -t2 -c4 -d${DUR:-10s} --latency -H "Cookie: rapport_session=$2" "http://127.0.0.1:$PORT$3" 2>&1)
  local rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  local p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  local non=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  echo "$1: $rps req/s, p50 $p50, p99 $p99 ${non:+NON-2xx $non}"
}
run "list page (rep)" "$REP" "/customers"
run "list page (admin)" "$ADMIN" "/customers"
for q in 阿里 杭州 科技 138 son albb; do
  enc=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))" "$q")
  run "search page '$q' (admin)" "$ADMIN" "/customers?q=$enc"
done
run "search page '阿里' (rep)" "$REP" "/customers?q=%E9%98%BF%E9%87%8C"
run "list by last touch (rep)" "$REP" "/customers?sort=-lastTouch"
run "list by stage (rep)" "$REP" "/customers?sort=stage"
run "agenda (rep)" "$REP" "/agenda"
run "agenda (admin)" "$ADMIN" "/agenda"
run "lifecycle report (admin)" "$ADMIN" "/lifecycle"
run "customer overview (rep)" "$REP" "$(curl -s -b "rapport_session=$REP" http://127.0.0.1:$PORT/customers | grep -o 'href="/customers/[0-9a-f-]\{36\}"' | head -1 | sed 's/href="//;s/"//')"
sleep 2
echo "idle RSS: $(ps -o rss= -p $SP | awk '{printf "%.1f MB", $1/1024}')"
kill $SP; wait $SP 2>/dev/null
