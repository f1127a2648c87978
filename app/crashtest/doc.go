// Package crashtest proves what the spec promises under faults: a process
// killed with SIGKILL at any moment leaves the database file either before
// or after each saved change; a second instance is refused quickly and
// names the holder; backups taken while writes continue are consistent;
// a schema upgrade killed half way leaves the old or the new file, with
// every record of the schema-3 file today's users have (data/testdata); a
// restore or a backup killed at any moment, or stopped by a fault at any of
// its syncs, renames and links (strace's fault injection), leaves the
// database path holding the old or the new database, whole, and its
// leftovers are removed by the next open; and a verb whose output pipe is
// closed leaves no lock behind.
//
// The package holds only tests. They re-execute their own test binary as
// the child that writes (see TestMain), kill it at random moments, and
// check the file with data.CheckFile plus every change the child reported
// as committed. PARTNERDESK_CRASH_KILLS sets how many kills (default 25,
// `make crashtest` sets 1000; restores and backups are killed a quarter as
// often) and PARTNERDESK_CRASH_SEED the random seed. The fault-injection
// tests need strace.
package crashtest
