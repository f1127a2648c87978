// Command f2stats prints each bucket's bbolt page use (helper F2's
// measurements; removed after).
package main

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

func main() {
	db, err := bolt.Open(os.Args[1], 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		fmt.Printf("%-18s %9s %9s %9s %9s %6s\n", "bucket", "keys", "leafMB", "inuseMB", "branchMB", "fill%")
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			s := b.Stats()
			alloc := s.LeafAlloc + s.BranchAlloc
			if alloc == 0 {
				return nil
			}
			fmt.Printf("%-18s %9d %9.1f %9.1f %9.1f %6.0f\n", name, s.KeyN, float64(s.LeafAlloc)/1e6, float64(s.LeafInuse)/1e6, float64(s.BranchAlloc)/1e6, 100*float64(s.LeafInuse)/float64(s.LeafAlloc))
			return nil
		})
	})
}
