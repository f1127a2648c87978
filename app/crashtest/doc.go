// Package crashtest proves what the spec promises under faults: a process
// killed with SIGKILL at any moment leaves the database file either before
// or after each saved change; a second instance is refused quickly and
// names the holder; backups taken while writes continue are consistent;
// and a schema upgrade killed half way leaves the old or the new file.
//
// The package holds only tests. They re-execute their own test binary as
// the child that writes (see TestMain), kill it at random moments, and
// check the file with data.CheckFile plus every change the child reported
// as committed. PARTNERDESK_CRASH_KILLS sets how many kills (default 25,
// `make crashtest` sets 1000) and PARTNERDESK_CRASH_SEED the random seed.
package crashtest
