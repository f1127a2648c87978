package reports_test

import (
	"regexp"
	"testing"

	"partnerdesk/reports"
)

func TestTotalIsSumOfLines(t *testing.T) {
	st := demo(t, "en", "Rossi & Figli S.r.l.")
	// Lines: 5125.03 + 1500.00 + 412.35 + 0 (points) + 2050.01 = 9087.39;
	// adjustment -61.73; total 9087.39 - 61.73 = 9025.66.
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"lines", st.LinesTotal().StringFixed(2), "9087.39"},
		{"adjustments", st.AdjustmentsTotal().StringFixed(2), "-61.73"},
		{"total", st.Total().StringFixed(2), "9025.66"},
		{"paid", st.PaidTotal().StringFixed(2), "4200.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
	// Points: one line of 1,025.
	if got := st.TotalPoints(); got != 1025 {
		t.Errorf("TotalPoints = %d, want 1025", got)
	}
}

func TestTotalToTheCent(t *testing.T) {
	// 0.10 three times is exactly 0.30 in decimal, where float64 gives
	// 0.30000000000000004; 1000 lines of 0.01 sum to 10.00.
	st := &reports.Statement{}
	for i := 0; i < 3; i++ {
		st.Lines = append(st.Lines, reports.Line{Program: "P", Amount: dec("0.10")})
	}
	if got := st.Total(); !got.Equal(dec("0.30")) {
		t.Errorf("3 x 0.10 = %s, want 0.30", got)
	}
	st.Lines = nil
	for i := 0; i < 1000; i++ {
		st.Lines = append(st.Lines, reports.Line{Program: "P", Amount: dec("0.01")})
	}
	if got := st.Total(); !got.Equal(dec("10")) {
		t.Errorf("1000 x 0.01 = %s, want 10.00", got)
	}
}

func TestProgramTotals(t *testing.T) {
	st := demo(t, "en", "X")
	got := st.ProgramTotals()
	// Reseller commission: 5125.03 + 1500.00 - 61.73 (adjustment) = 6563.30.
	want := []struct {
		program string
		amount  string
		points  int64
	}{
		{"Reseller commission", "6563.3", 0},
		{"Deal registration", "412.35", 0},
		{"Partner points", "0", 1025},
		{"MDF", "2050.01", 0},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d programs, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Program != w.program || !got[i].Amount.Equal(dec(w.amount)) || got[i].Points != w.points {
			t.Errorf("program %d = %+v, want %+v", i, got[i], w)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(st *reports.Statement)
		wantErr bool
	}{
		{"as given", func(st *reports.Statement) {}, false},
		{"matching program totals", func(st *reports.Statement) { st.Summary.RewardsByProgram = st.ProgramTotals() }, false},
		{"program total off by a cent", func(st *reports.Statement) {
			st.Summary.RewardsByProgram = st.ProgramTotals()
			st.Summary.RewardsByProgram[0].Amount = st.Summary.RewardsByProgram[0].Amount.Add(dec("0.01"))
		}, true},
		{"a program missing", func(st *reports.Statement) { st.Summary.RewardsByProgram = st.ProgramTotals()[1:] }, true},
		{"unrounded line", func(st *reports.Statement) { st.Lines[0].Amount = dec("5125.025") }, true},
		{"unrounded adjustment", func(st *reports.Statement) { st.Adjustments[0].Amount = dec("-61.731") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := demo(t, "en", "X")
			tt.edit(st)
			if err := st.Check(); (err != nil) != tt.wantErr {
				t.Errorf("Check() = %v, want error %v", err, tt.wantErr)
			}
		})
	}
}

func TestComputeFingerprint(t *testing.T) {
	a := demo(t, "en", "X")
	fp := a.ComputeFingerprint()
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(fp) {
		t.Fatalf("fingerprint %q, want 12 hex digits", fp)
	}
	b := demo(t, "en", "X")
	b.PrintedOn++ // the print date is not data
	if got := b.ComputeFingerprint(); got != fp {
		t.Errorf("another print day changed the fingerprint: %s != %s", got, fp)
	}
	changes := map[string]func(st *reports.Statement){
		"a cent":   func(st *reports.Statement) { st.Lines[2].Amount = dec("412.36") },
		"a status": func(st *reports.Statement) { st.Lines[2].Status = "approved" },
		"text moved": func(st *reports.Statement) {
			st.Lines[0].Program, st.Lines[0].Rule = "Reseller", " commissionVolume rebate"
		},
		"a payout":       func(st *reports.Statement) { st.Payouts = nil },
		"the name":       func(st *reports.Statement) { st.Payee.Name = "Y" },
		"the ytd points": func(st *reports.Statement) { st.YTD.Points++ },
	}
	for name, edit := range changes {
		st := demo(t, "en", "X")
		edit(st)
		if got := st.ComputeFingerprint(); got == fp {
			t.Errorf("%s: fingerprint unchanged", name)
		}
	}
}
