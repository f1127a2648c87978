package data

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's meta page layout (page header 16 bytes, then the meta).
const (
	metaMagic      = 0xED0CDAED
	offMagic       = 16
	offPageSize    = 24
	offRoot        = 32
	offFreelist    = 48
	offPgid        = 56
	offChecksum    = 72
	metaEnd        = 80
	noFreelistPgid = 0xffffffffffffffff
)

// validateSize refuses a file whose pages end beyond the end of the file
// (a truncated copy): bbolt would map it and the process would die of
// SIGBUS on the first read past the end, which no recover catches.
func validateSize(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	if size == 0 {
		return nil
	}
	buf := make([]byte, metaEnd)
	var pageSize uint32
	var need uint64
	valid := 0
	for i := 0; i < 2; i++ {
		off := int64(0)
		if i == 1 {
			if pageSize == 0 {
				break
			}
			off = int64(pageSize)
		}
		if _, err := f.ReadAt(buf, off); err != nil && err != io.EOF {
			continue
		}
		if binary.LittleEndian.Uint32(buf[offMagic:]) != metaMagic {
			continue
		}
		h := fnv.New64a()
		h.Write(buf[offMagic:offChecksum])
		if h.Sum64() != binary.LittleEndian.Uint64(buf[offChecksum:]) {
			continue
		}
		ps := binary.LittleEndian.Uint32(buf[offPageSize:])
		if i == 0 {
			pageSize = ps
		}
		pgid := binary.LittleEndian.Uint64(buf[offPgid:])
		root := binary.LittleEndian.Uint64(buf[offRoot:])
		fl := binary.LittleEndian.Uint64(buf[offFreelist:])
		if root >= pgid || (fl != noFreelistPgid && fl >= pgid) {
			return fmt.Errorf("%s is damaged: its meta page points beyond its last page", path)
		}
		if n := pgid * uint64(ps); n > need {
			need = n
		}
		valid++
	}
	if valid > 0 && uint64(size) < need {
		return fmt.Errorf("%s is truncated: it holds %d bytes of the %d its pages need", path, size, need)
	}
	return nil
}
