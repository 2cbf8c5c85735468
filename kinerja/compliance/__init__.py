"""Lateness in performance management: who has not filed their SKP after the planning deadline, which decisions and
ratings are overdue and with which pejabat penilai; the escalation to the next level after a deadline, the report
for HR and Pimpinan, and the escalation section of the approval queue. Reads skp and evaluation; neither reads it."""
