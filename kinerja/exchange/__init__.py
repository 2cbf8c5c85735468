"""Exchange with the national civil-service information system (SIASN / e-Kinerja BKN): exports of annual results,
SKP plans and training history in the national system's columns, and the import of the annual results of the years
before Lentera (kept by `kinerja.career`, which reads them for promotion eligibility)."""
