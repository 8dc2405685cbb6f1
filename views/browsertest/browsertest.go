// Package browsertest starts the headless Chromium that end-to-end tests
// drive through chromedp: Debian's chromium package, off the network. It
// also renders a TimelineJS export in it (RenderTimelineJS).
// Without it, tests skip with a message saying what to install, unless CI
// demands the browser (DATELINE_TEST_BROWSER_REQUIRED=1), in which case
// they fail: CI can never pass without running them.
package browsertest

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// Chromium is the browser the tests drive: Debian's package.
const Chromium = "/usr/bin/chromium"

// Required is the environment variable that makes a missing browser a
// failure instead of a skip.
const Required = "DATELINE_TEST_BROWSER_REQUIRED"

// Need skips the test, or fails it when Required is "1", because of
// problem; install says how to fix it.
func Need(t testing.TB, problem, install string) {
	t.Helper()
	if os.Getenv(Required) == "1" {
		t.Fatalf("%s (%s=1 requires it): %s", problem, Required, install)
	}
	t.Skipf("%s; %s (or run make test)", problem, install)
}

// New starts headless Chromium for one test and returns its context,
// cancelled when the test ends. The flags keep it off the network (the
// test machines have none beyond localhost) and able to run as root.
func New(t testing.TB) context.Context {
	t.Helper()
	if _, err := os.Stat(Chromium); err != nil {
		Need(t, "Chromium is not installed at "+Chromium, "install Debian package chromium")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}
