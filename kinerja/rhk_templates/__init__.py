"""RHK templates per jabatan that Admin SDM maintains, and the starting point of an SKP they give (PermenPANRB
6/2022: an employee's RHK follow from the duties of their jabatan)."""
