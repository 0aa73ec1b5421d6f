# Sourced by scripts that need a display: `start_display` starts Xvfb on a free display when
# none is set and exports DISPLAY; `stop_display` stops what it started (call it on exit).
# Xvfb keeps its screen as a file in SWITCHBOARD_XVFB_FBDIR, so that a test can take a picture
# of every window at once (tests/e2e/xwd.mjs reads it).

xvfb_pid=""
xvfb_fbdir=""

start_display() {
  [ -n "${DISPLAY:-}" ] && return
  local display=99
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  xvfb_fbdir=$(mktemp -d)
  Xvfb ":$display" -screen 0 1920x1080x24 -fbdir "$xvfb_fbdir" -nolisten tcp >/dev/null 2>&1 &
  # Xvfb has no GPU, so WebKitGTK would composite with Mesa's software rasterizer, whose
  # threaded compositor has crashed here (a segfault in swrast_dri.so) while windows open and
  # close. Headless runs draw without accelerated compositing instead.
  export WEBKIT_DISABLE_COMPOSITING_MODE=1
  xvfb_pid=$!
  export DISPLAY=":$display" SWITCHBOARD_XVFB_FBDIR="$xvfb_fbdir"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  echo "started Xvfb on $DISPLAY"
}

stop_display() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    rm -rf "$xvfb_fbdir"
  fi
}
