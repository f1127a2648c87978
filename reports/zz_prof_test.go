package reports_test

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"time"

	"partnerdesk/reports"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	var sts []*reports.Statement
	for i := 0; i < 100; i++ {
		name := fmt.Sprintf("Partner %04d S.r.l.", i)
		if i%10 == 3 {
			name = fmt.Sprintf("株式会社田中システム %d", i)
		}
		sts = append(sts, manyLines(t, name, 5+40*(i%3)))
	}
	c0 := cpu()
	w0 := time.Now()
	var total int
	for _, st := range sts {
		var b bytes.Buffer
		if err := reports.WritePDF(&b, st); err != nil {
			t.Fatal(err)
		}
		total += b.Len()
	}
	t.Logf("100 docs: cpu %v wall %v, avg %d KB", cpu()-c0, time.Since(w0), total/100/1024)
}
