module early.partnerdesk/clocale

go 1.26.8
