// Package data is Partnerdesk's store: one bbolt file that holds every record
// the engine works on, with the audit trail, the closed-period guard and the
// indexes that let a period's sales be read without scanning them all.
//
// Every change goes through Store.Update and a Tx: Tx.Put and Tx.Delete
// assign ids, keep the indexes, refuse changes dated in a closed period and
// write the audit entry in the same bbolt transaction, so a change and its
// audit entry are committed or rolled back together.
//
// # Caveats
//
//   - One process opens the file at a time. A second opener fails after
//     Options.Timeout with an *InUseError naming the holder when it is known.
//   - Records handed to callbacks (Each, SalesBetween, ...) are fresh copies
//     the caller may keep; nothing points into bbolt's memory map.
//   - Never start a View inside an Update (or the reverse) on the same Store:
//     bbolt would deadlock when it needs to grow the file.
//   - Reward lines recomputed with Tx.ReplaceDraftLines are audited with one
//     summary entry per period, not one per line.
//   - Sales and reward lines are stored in compact binary forms, everything
//     else as JSON. Lines stored as JSON by earlier builds still read (the
//     first byte tells the form), but a build from before the compact line
//     form cannot read the lines this one writes: the schema number did not
//     change for it.
package data
