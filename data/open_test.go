package data_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
)

func TestOpenCreatesPrivateFile(t *testing.T) {
	s, path := openTemp(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode = %04o, want 0600", got)
	}
	di, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := di.Mode().Perm(); got != 0o700 {
		t.Errorf("folder mode = %04o, want 0700", got)
	}
	li, err := os.Stat(data.LockPath(path))
	if err != nil {
		t.Fatalf("lock sidecar: %v", err)
	}
	if got := li.Mode().Perm(); got != 0o600 {
		t.Errorf("lock file mode = %04o, want 0600", got)
	}
	if got := s.SchemaVersion(); got != data.CurrentSchema {
		t.Errorf("schema = %d, want %d", got, data.CurrentSchema)
	}
}

func TestCloseRemovesLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(data.LockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file after Close: err = %v, want not exist", err)
	}
}

func TestOpenRefusesFileOthersCanWrite(t *testing.T) {
	for _, mode := range []os.FileMode{0o666, 0o620, 0o602} {
		t.Run(fmt.Sprintf("%04o", mode), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.db")
			s, err := data.Open(path, data.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkAndClose(t, s)
			if err := os.Chmod(path, mode); err != nil {
				t.Fatal(err)
			}
			_, err = data.Open(path, data.Options{})
			if !errors.Is(err, data.ErrUnsafeMode) {
				t.Fatalf("Open = %v, want ErrUnsafeMode", err)
			}
			if !strings.Contains(err.Error(), "chmod 600") {
				t.Errorf("message %q does not say how to fix it", err)
			}
		})
	}
}

func TestSecondOpenFailsFastNamingHolder(t *testing.T) {
	s, path := openTemp(t)
	_ = s
	start := time.Now()
	_, err := data.Open(path, data.Options{})
	took := time.Since(start)
	if !errors.Is(err, engine.ErrInUse) {
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	if took > 2*time.Second {
		t.Errorf("second Open took %v, want under 2 s", took)
	}
	host, _ := os.Hostname()
	msg := err.Error()
	if !strings.Contains(msg, "process "+strconv.Itoa(os.Getpid())) || !strings.Contains(msg, host) {
		t.Errorf("message %q does not name pid %d on %s", msg, os.Getpid(), host)
	}
}

func TestSecondOpenNamesHolderWithoutSidecar(t *testing.T) {
	_, path := openTemp(t)
	// Without the sidecar the kernel's lock table still names the holder.
	if err := os.Remove(data.LockPath(path)); err != nil {
		t.Fatal(err)
	}
	_, err := data.Open(path, data.Options{Timeout: 200 * time.Millisecond})
	var iu *data.InUseError
	if !errors.As(err, &iu) {
		t.Fatalf("second Open = %v, want *InUseError", err)
	}
	if iu.PID != os.Getpid() {
		t.Errorf("holder pid = %d, want %d (from /proc/locks)", iu.PID, os.Getpid())
	}
}

// TestMain lets the test binary act as a second Partnerdesk process.
func TestMain(m *testing.M) {
	if path := os.Getenv("PARTNERDESK_TEST_HOLD"); path != "" {
		s, err := data.Open(path, data.Options{})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("ready")
		// Hold the file until the parent closes our stdin.
		bufio.NewReader(os.Stdin).ReadString('\n')
		s.Close()
		os.Exit(0)
	}
	if path := os.Getenv("PARTNERDESK_TEST_UPGRADE"); path != "" {
		// Open upgrades the file; the parent kills us at a random moment.
		fmt.Println("start")
		s, err := data.Open(path, data.Options{})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		s.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestSecondInstanceAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARTNERDESK_TEST_HOLD="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("child said %q", line)
	}
	start := time.Now()
	_, err = data.Open(path, data.Options{})
	took := time.Since(start)
	var iu *data.InUseError
	if !errors.As(err, &iu) {
		t.Fatalf("Open while the child holds the file = %v, want *InUseError", err)
	}
	if iu.PID != cmd.Process.Pid {
		t.Errorf("holder pid = %d, want the child's %d (%v)", iu.PID, cmd.Process.Pid, err)
	}
	if took > 2*time.Second {
		t.Errorf("refusal took %v, want under 2 s", took)
	}
	// The holder is unharmed: it closes cleanly and the file opens after.
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatalf("Open after the child closed: %v", err)
	}
	checkAndClose(t, s)
}

func TestReadOnlyRefusesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAndClose(t, s)
	ro, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = ro.Update("x", func(tx *data.Tx) error { return nil })
	if !errors.Is(err, data.ErrReadOnly) {
		t.Errorf("Update on read-only = %v, want ErrReadOnly", err)
	}
}
