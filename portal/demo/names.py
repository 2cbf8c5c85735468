"""Indonesian names and academic titles for demo employees."""

MALE = [
    "Ahmad", "Budi", "Hendra", "Rizky", "Fajar", "Agus", "Dedi", "Irfan", "Yusuf", "Andi", "Reza", "Arief",
    "Bambang", "Darmawan", "Eko", "Fadli", "Gilang", "Hasan", "Imam", "Joko", "Kurniawan", "Lukman", "Muhammad",
    "Nanda", "Rahmat", "Syahrul", "Taufik", "Wahyu", "Zulkifli", "Ikhsan", "Rusli", "Hamka", "Ismail", "Faisal",
]  # fmt: skip
FEMALE = [
    "Siti", "Dewi", "Rina", "Nurul", "Ayu", "Fitri", "Indah", "Maya", "Ratna", "Sri", "Wulan", "Yuliana", "Lestari",
    "Putri", "Anisa", "Citra", "Diana", "Endang", "Farida", "Hartini", "Intan", "Kartika", "Lina", "Mega", "Novita",
    "Rahmawati", "Sari", "Tuti", "Utami", "Vivi", "Winda", "Zahra", "Nurhayati", "Aisyah",
]  # fmt: skip
FAMILY = [
    "Saputra", "Pratama", "Hidayat", "Nugroho", "Santoso", "Wijaya", "Kusuma", "Siregar", "Harahap", "Nasution",
    "Lubis", "Tanjung", "Chaniago", "Piliang", "Koto", "Sikumbang", "Jambak", "Hulawa", "Mohamad", "Abdullah",
    "Gobel", "Pakaya", "Daud", "Umar", "Hasyim", "Syamsuddin", "Lasut", "Tomagola", "Sangaji", "Kasuba",
    "Rahman", "Hakim", "Setiawan", "Permana", "Handayani", "Maharani", "Susanti", "Purnamasari",
]  # fmt: skip
GELAR_DEPAN = ["", "", "", "", "", "", "Dr.", "Ir.", "Drs."]
GELAR_BELAKANG_S1 = ["S.E.", "S.Kom.", "S.H.", "S.Sos.", "S.IP.", "S.Pd.", "S.T.", "S.AP.", "S.Kep.", "S.K.M."]
GELAR_BELAKANG_S2 = ["M.M.", "M.Si.", "M.AP.", "M.Pd.", "M.H.", "M.T.", "M.Kes."]
GELAR_BELAKANG_D3 = ["A.Md.", "A.Md.Kom.", "A.Md.Kep."]
