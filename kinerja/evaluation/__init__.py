"""Evaluation: Rating Hasil Kerja and Rating Perilaku Kerja, the predikat from the matrix, calibration and appeal."""
