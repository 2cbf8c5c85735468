"""SKP: performance periods, the Sasaran Kinerja Pegawai with its RHK (cascaded from the evaluator's), IKI, Perilaku
Kerja expectations and lampiran, and acting evaluators (Plt/Plh)."""
