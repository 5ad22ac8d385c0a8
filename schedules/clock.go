package schedules

import (
	"context"
	"time"
)

// Clock is the daemon's time. Production uses SystemClock; tests pass one
// that jumps, so a month of runs takes no time.
type Clock interface {
	Now() time.Time
	// SleepUntil waits until t or until ctx is done, and reports whether t
	// was reached.
	SleepUntil(ctx context.Context, t time.Time) bool
}

// SystemClock is the machine's clock.
func SystemClock() Clock { return systemClock{} }

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// wakeEvery bounds one sleep: timers run on the monotonic clock, which
// stands still while the machine is suspended, so the wall clock is read
// again at least this often.
const wakeEvery = time.Minute

func (systemClock) SleepUntil(ctx context.Context, t time.Time) bool {
	for {
		d := time.Until(t.Round(0))
		if d <= 0 {
			return true
		}
		timer := time.NewTimer(min(d, wakeEvery))
		select {
		case <-ctx.Done():
			timer.Stop()
			return false
		case <-timer.C:
		}
	}
}
