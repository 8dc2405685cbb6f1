package timeline

import "time"

// Version identifies the state of everything stored that an export can
// show. Changes grows with every committed change; two reads with the same
// Changes saw the same data, so it makes a strong HTTP validator (ETag).
type Version struct {
	Changes   int64
	ChangedAt time.Time // when the last change committed
	// AsOf is when the version was read, by the same clock as ChangedAt.
	// A ChangedAt within the last second or two is not yet a safe
	// Last-Modified (a change in the same second would share it).
	AsOf time.Time
}
