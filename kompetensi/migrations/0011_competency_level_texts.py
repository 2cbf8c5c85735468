"""The level descriptions 1-5 of the eight managerial competencies and Perekat Bangsa (PermenPANRB 38/2017, Lampiran:
Kamus Kompetensi Manajerial dan Sosial Kultural), each with its behaviour indicators one per line, as editable
defaults: a level whose description or indicators HR has already written is left as it is. Levels become the
competency's inline children in the admin (a ParentalKey)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations

# code -> [(description, [indicators]) for levels 1..5]
LEVELS = {
    "M.01": [  # Integritas
        ("Mampu bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi.", [
            "Bertingkah laku sesuai dengan perkataan; berkata sesuai dengan fakta.",
            "Melaksanakan peraturan dan kode etik organisasi dalam lingkungan kerja sehari-hari, pada tataran "
            "individu/pribadi.",
            "Tidak menjanjikan atau memberikan sesuatu yang bertentangan dengan aturan organisasi.",
        ]),
        ("Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.", [
            "Mengingatkan rekan kerja untuk bertindak sesuai dengan nilai, norma, dan etika organisasi.",
            "Mengajak orang lain untuk bertindak sesuai etika dan kode etik.",
        ]),
        ("Mampu memastikan dan menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai nilai, "
         "norma, dan etika organisasi, dalam lingkup formal.", [
            "Memastikan anggota yang dipimpin bertindak sesuai dengan kode etik organisasi.",
            "Mampu memberikan informasi yang dapat dipercaya sesuai dengan etika organisasi.",
        ]),
        ("Mampu menciptakan situasi kerja yang membuat rekan kerja, kolega, dan bawahan tetap bertindak sesuai "
         "nilai, norma, dan etika organisasi.", [
            "Menciptakan situasi kerja yang membuat rekan kerja, kolega, dan bawahan tetap patuh pada nilai, norma, "
            "dan etika organisasi dalam segala situasi dan kondisi.",
            "Mendukung dan menerapkan prinsip moral dan standar etika yang tinggi, serta berani menanggung "
            "konsekuensinya.",
            "Berani melakukan koreksi atau mengambil tindakan atas penyimpangan kode etik atau nilai yang dilakukan "
            "orang lain, dalam lingkup kerja yang menjadi tanggung jawabnya.",
        ]),
        ("Mampu menjadi teladan dalam penerapan standar keadilan dan etika yang tinggi di tingkat nasional.", [
            "Menjadi teladan (role model) dalam penerapan standar keadilan dan etika yang tinggi di tingkat "
            "nasional.",
            "Membuat konsep kebijakan dan strategi penerapan sikap integritas dalam pelaksanaan tugas dan norma yang "
            "sejalan dengan nilai strategis organisasi.",
            "Mempromosikan, menyosialisasikan, dan memastikan penerapan sikap integritas di seluruh organisasi.",
        ]),
    ],
    "M.02": [  # Kerjasama
        ("Berpartisipasi dalam kelompok kerja.", [
            "Berpartisipasi sebagai anggota tim yang baik, melakukan bagian tugasnya, dan mendukung keputusan tim.",
            "Mendengarkan dan menghargai ide serta pendapat orang lain.",
            "Membantu orang lain dan berbagi informasi yang relevan atau bermanfaat kepada anggota tim.",
        ]),
        ("Menumbuhkan tim kerja yang partisipatif dan efektif.", [
            "Membantu orang lain menyelesaikan tugas mereka untuk mendukung sasaran tim.",
            "Berbagi pengalaman, pengetahuan, dan sumber daya untuk keberhasilan tim.",
            "Menggali ide dan masukan dari rekan kerja untuk penyelesaian pekerjaan bersama.",
        ]),
        ("Efektif membangun tim kerja untuk peningkatan kinerja organisasi.", [
            "Melihat kekuatan dan kelemahan anggota tim, membentuk tim yang tepat, mengantisipasi hambatan, dan "
            "mencari solusi yang optimal.",
            "Mengutamakan pengambilan keputusan berdasarkan usulan anggota tim dan bernegosiasi secara efektif untuk "
            "menyelesaikan target kinerja kelompok atau unit kerja.",
            "Membangun aliansi dengan para pemangku kepentingan untuk mendukung penyelesaian target kerja kelompok.",
        ]),
        ("Membangun komitmen tim dan sinergi antarunit kerja.", [
            "Membangun sinergi antarunit kerja di lingkup instansi yang dipimpin.",
            "Memfasilitasi kepentingan yang berbeda dari unit kerja lain sehingga tercipta sinergi dalam pencapaian "
            "target kerja organisasi.",
            "Mengembangkan sistem yang menghargai kerja sama antarunit dan memberikan dukungan agar sinergi tercapai.",
        ]),
        ("Menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar instansi.", [
            "Menciptakan hubungan kerja yang konstruktif dengan menerapkan norma, etos, dan nilai kerja yang baik di "
            "dalam dan di luar organisasi.",
            "Membangun konsensus untuk menggabungkan sumber daya dari berbagai pihak demi tujuan bangsa dan negara.",
            "Membentuk jejaring kerja sama antarorganisasi atau lembaga untuk mencapai tujuan strategis.",
        ]),
    ],
    "M.03": [  # Komunikasi
        ("Menyampaikan informasi dengan jelas, lengkap, dan dengan pemahaman yang sama.", [
            "Menyampaikan informasi, pikiran, atau pendapat dengan jelas, singkat, dan tepat, memakai cara atau "
            "media yang sesuai dan mudah dipahami.",
            "Memberikan kesempatan kepada orang lain untuk menyampaikan informasi dan tanggapan.",
            "Bertanya untuk memastikan pemahaman yang sama atas informasi yang disampaikan.",
        ]),
        ("Aktif menjalankan komunikasi formal dan informal, bersedia mendengarkan orang lain, menginterpretasikan "
         "pesan dengan respons yang sesuai, dan mampu menyusun materi presentasi, pidato, naskah, atau laporan.", [
            "Menggunakan gaya komunikasi informal untuk meningkatkan hubungan profesional.",
            "Mendengarkan pihak lain secara aktif, menangkap dan menginterpretasikan pesan mereka, serta memberikan "
            "respons yang sesuai.",
            "Membuat materi presentasi, pidato, draf naskah, atau laporan sesuai arahan pimpinan.",
        ]),
        ("Berkomunikasi secara asertif dan terampil berkomunikasi lisan maupun tertulis untuk menyampaikan "
         "informasi yang sensitif, rumit, atau kompleks.", [
            "Menyampaikan informasi yang sensitif atau rumit dengan cara dan kalimat yang jelas serta tepat sasaran.",
            "Memastikan pesan yang disampaikan dipahami dengan benar dan menyeluruh oleh lawan bicara.",
            "Menuangkan pemikiran yang kompleks dalam tulisan yang jelas dan sistematis.",
        ]),
        ("Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan demi "
         "peningkatan kinerja secara keseluruhan.", [
            "Mengintegrasikan informasi penting hasil diskusi dengan pihak lain untuk mendapatkan pemahaman yang "
            "sama.",
            "Mengomunikasikan pemikiran multidimensi untuk mendorong kesepakatan dengan pemangku kepentingan.",
            "Menuangkan pemikiran atau konsep multidimensi dalam tulisan formal yang meyakinkan.",
        ]),
        ("Menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi demi peningkatan kinerja.", [
            "Menggagas sistem komunikasi yang melibatkan pemangku kepentingan sebagai sumber informasi untuk "
            "kemajuan organisasi.",
            "Membangun komunikasi yang terbuka dengan pemangku kepentingan di dalam dan di luar instansi.",
            "Menuangkan gagasan strategis dalam tulisan untuk kepentingan organisasi dan negara.",
        ]),
    ],
    "M.04": [  # Orientasi pada Hasil
        ("Bertanggung jawab untuk memenuhi standar kerja.", [
            "Menyelesaikan tugas dengan tuntas dan dapat diandalkan.",
            "Bekerja dengan teliti dan hati-hati untuk meminimalkan kesalahan, dengan mengacu pada standar kualitas "
            "(SOP).",
            "Bersedia menerima masukan dan mengikuti contoh cara kerja yang lebih efektif dan efisien di lingkungan "
            "kerjanya.",
        ]),
        ("Berupaya mencapai hasil kerja pribadi yang lebih tinggi dari standar yang ditetapkan, serta mencari dan "
         "mencoba metode alternatif untuk peningkatan kinerja.", [
            "Menetapkan dan berupaya mencapai standar kerja pribadi yang lebih tinggi dari standar organisasi.",
            "Mencari dan mencoba metode kerja alternatif untuk meningkatkan hasil kerjanya.",
            "Memberi contoh kepada rekan di unit kerjanya untuk menerapkan metode kerja yang lebih efektif.",
        ]),
        ("Menetapkan target kerja yang menantang bagi unit kerja, serta memberi apresiasi dan teguran untuk "
         "mendorong kinerja.", [
            "Menetapkan target kinerja unit yang lebih tinggi dari target yang ditetapkan organisasi.",
            "Memberikan apresiasi dan teguran untuk mendorong pencapaian hasil unit kerjanya.",
            "Mengembangkan metode kerja yang lebih efektif dan efisien untuk mencapai target unit kerjanya.",
        ]),
        ("Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja sebelumnya.", [
            "Mendorong unit kerja di tingkat instansi untuk mencapai kinerja yang melebihi target.",
            "Memantau dan mengevaluasi hasil kerja unitnya agar selaras dengan sasaran strategis instansi.",
            "Mendorong pemanfaatan sumber daya bersama antarunit kerja untuk meningkatkan efektivitas dan efisiensi "
            "pencapaian target organisasi.",
        ]),
        ("Meningkatkan mutu pencapaian kerja organisasi.", [
            "Memastikan kualitas dan keberlanjutan hasil kerja organisasi yang berkontribusi pada pencapaian target "
            "prioritas nasional.",
            "Menetapkan kebijakan, standar, atau metode kerja yang meningkatkan mutu hasil kerja organisasi.",
            "Memastikan sumber daya organisasi diarahkan pada pencapaian sasaran strategis nasional.",
        ]),
    ],
    "M.05": [  # Pelayanan Publik
        ("Menjalankan pelayanan yang telah dibakukan.", [
            "Mengerjakan tugas dengan mengikuti standar pelayanan yang objektif, netral, tidak memihak, tidak "
            "diskriminatif, transparan, dan tidak terpengaruh kepentingan pribadi, kelompok, atau partai politik.",
            "Melayani kebutuhan, permintaan, dan keluhan pemangku kepentingan.",
            "Menyelesaikan masalah dengan tepat tanpa bersikap membela diri dalam kapasitas sebagai pelaksana "
            "pelayanan publik.",
        ]),
        ("Mampu memantau, mengevaluasi, memperhitungkan, dan mengantisipasi dampak isu jangka pendek serta "
         "kepentingan pemangku kepentingan.", [
            "Menunjukkan sikap yakin dalam mengerjakan tugas pelayanan publik dan mampu menjelaskan secara objektif "
            "bila ada yang mempertanyakan kebijakan yang diambil.",
            "Aktif mencari informasi untuk mengenali kebutuhan pemangku kepentingan agar pelayanan berjalan cepat dan "
            "tanggap.",
            "Mengenali dan memanfaatkan kebiasaan, tata cara, atau situasi tertentu agar penyelesaian tugas "
            "pelayanan mendapat perhatian pemangku kepentingan.",
        ]),
        ("Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup unit kerja.", [
            "Memahami pengaruh dan hubungan kekuatan kelompok di organisasi serta dampaknya terhadap unit kerja, "
            "agar tugas pemerintahan dijalankan secara profesional, netral, dan tidak memihak.",
            "Memfasilitasi kebutuhan kelompok yang lebih besar dengan cara yang objektif, transparan, dan profesional "
            "sehingga tidak merugikan pihak mana pun.",
            "Menerapkan cara yang efektif untuk memantau dan mengevaluasi masalah pemangku kepentingan serta "
            "mengantisipasi kebutuhan mereka.",
        ]),
        ("Mampu memahami dan memberi perhatian pada isu jangka panjang, kesempatan, atau kekuatan politik yang "
         "memengaruhi organisasi, serta mengantisipasi dampaknya terhadap pelayanan publik secara objektif, "
         "transparan, dan profesional.", [
            "Memperhitungkan dan mengantisipasi dampak isu jangka panjang terhadap pelaksanaan pelayanan publik "
            "dalam lingkup organisasi.",
            "Menjaga agar kebijakan pelayanan publik instansinya selaras dengan standar pelayanan yang objektif, "
            "netral, tidak memihak, dan tidak diskriminatif.",
            "Menerapkan strategi jangka panjang yang berfokus pada pemenuhan kebutuhan pemangku kepentingan.",
        ]),
        ("Mampu menciptakan kebijakan pelayanan publik yang menjamin pelayanan yang objektif, netral, tidak "
         "memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi, kelompok, atau partai "
         "politik.", [
            "Menciptakan kebijakan yang menjamin terselenggaranya pelayanan publik yang objektif, netral, dan tidak "
            "diskriminatif.",
            "Menginternalisasikan nilai dan semangat pelayanan publik kepada setiap individu di lingkungan instansi.",
            "Menjamin pelayanan publik tidak terpengaruh kepentingan pribadi, kelompok, atau partai politik.",
        ]),
    ],
    "M.06": [  # Pengembangan Diri dan Orang Lain
        ("Pengembangan diri.", [
            "Mengidentifikasi kebutuhan pengembangan diri dan memilih sumber serta metode pembelajaran yang "
            "diperlukan.",
            "Menunjukkan usaha mandiri untuk mempelajari keterampilan atau kemampuan baru dari berbagai media "
            "pembelajaran.",
            "Berupaya meningkatkan diri dengan belajar dari orang lain yang berwawasan luas di dalam organisasi.",
        ]),
        ("Meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan cara melaksanakan suatu "
         "pekerjaan.", [
            "Memberikan contoh, instruksi, penjelasan, dan petunjuk praktis yang jelas kepada bawahan dalam "
            "menyelesaikan pekerjaan.",
            "Membantu bawahan mempelajari proses, program, atau sistem baru.",
            "Menggunakan cara lain untuk memastikan orang lain telah memahami penjelasan atau arahan.",
        ]),
        ("Memberikan umpan balik dan membimbing.", [
            "Memberikan tugas yang menantang kepada bawahan sebagai sarana belajar untuk mengembangkan "
            "kemampuannya.",
            "Mengamati bawahan dalam mengerjakan tugas dan memberikan umpan balik yang objektif, jujur, dan berguna.",
            "Mendorong kepercayaan diri bawahan dan membantunya menemukan peluang untuk berkembang.",
        ]),
        ("Menyusun program pengembangan jangka panjang untuk mendorong manajemen pembelajaran.", [
            "Menyusun program pengembangan jangka panjang bersama bawahan, termasuk tujuan, bimbingan, penugasan, "
            "dan waktu untuk pelatihan serta pengembangan karier.",
            "Melaksanakan manajemen pembelajaran, termasuk evaluasi dan umpan balik, pada tataran organisasi.",
            "Mengembangkan orang di sekitarnya secara konsisten dan melakukan kaderisasi untuk posisi di unit "
            "kerjanya.",
        ]),
        ("Menciptakan situasi yang mendorong organisasi mengembangkan kemampuan belajar secara berkelanjutan untuk "
         "mendukung pencapaian hasil.", [
            "Menciptakan situasi yang mendorong individu, kelompok, dan unit kerja belajar secara berkelanjutan di "
            "tingkat instansi.",
            "Memberikan atau merekomendasikan penghargaan bagi upaya pengembangan yang berhasil.",
            "Memastikan dukungan organisasi bagi setiap orang untuk mengembangkan kemampuan dan potensinya.",
        ]),
    ],
    "M.07": [  # Mengelola Perubahan
        ("Mengikuti perubahan dengan arahan.", [
            "Sadar akan perubahan yang terjadi di organisasi dan berusaha menyesuaikan diri dengannya.",
            "Mengikuti perubahan dengan arahan atasan.",
            "Mengidentifikasi hal penting yang perlu dilakukan untuk menyesuaikan diri dengan perubahan.",
        ]),
        ("Proaktif beradaptasi mengikuti perubahan.", [
            "Menyesuaikan cara kerja lama dengan metode atau proses baru sesuai ketentuan tanpa menunggu arahan.",
            "Mengembangkan kemampuan diri untuk menghadapi perubahan.",
            "Cepat dan tanggap dalam menerima perubahan.",
        ]),
        ("Membantu orang lain mengikuti perubahan dan mengantisipasi perubahan secara tepat.", [
            "Membantu orang lain dalam melakukan perubahan.",
            "Menyesuaikan prioritas kerja secara berulang bila diperlukan.",
            "Mengantisipasi perubahan yang dibutuhkan unit kerjanya dan memberikan solusi efektif atas masalah yang "
            "timbul karena perubahan.",
        ]),
        ("Memimpin perubahan pada unit kerja.", [
            "Mengarahkan unit kerja agar siap menghadapi perubahan, termasuk memitigasi risiko yang mungkin terjadi.",
            "Memastikan perubahan diterapkan secara aktif dan berkala di lingkup unit kerjanya.",
            "Memimpin dan memastikan program perubahan diterapkan selaras antarunit kerja.",
        ]),
        ("Mengelola perubahan yang bersifat strategis.", [
            "Membuat kebijakan yang mendorong perubahan yang berdampak pada keberhasilan organisasi.",
            "Menggerakkan para pemangku kepentingan untuk mendukung dan melaksanakan inisiatif perubahan.",
            "Memastikan perubahan strategis berhasil diimplementasikan dan berkelanjutan.",
        ]),
    ],
    "M.08": [  # Pengambilan Keputusan
        ("Mengumpulkan informasi untuk bertindak sesuai kewenangan.", [
            "Mengumpulkan dan mempertimbangkan informasi yang dibutuhkan dalam mencari solusi.",
            "Mengenali situasi atau pilihan yang tepat untuk bertindak sesuai kewenangan.",
            "Mempertimbangkan solusi yang dapat diterapkan dalam pekerjaan rutin berdasarkan kebijakan dan prosedur "
            "yang berlaku.",
        ]),
        ("Menganalisis masalah secara mendalam.", [
            "Melakukan analisis mendalam terhadap informasi yang tersedia dalam upaya mencari solusi.",
            "Mempertimbangkan berbagai alternatif sebelum membuat kesimpulan.",
            "Membuat keputusan operasional berdasarkan kesimpulan dari berbagai sumber informasi sesuai pedoman.",
        ]),
        ("Membandingkan berbagai alternatif dan menyeimbangkan risiko keberhasilan dalam implementasi.", [
            "Membandingkan berbagai alternatif tindakan beserta implikasinya.",
            "Memilih alternatif solusi terbaik berdasarkan analisis data yang sistematis, saksama, dan mengikuti "
            "prinsip kehati-hatian.",
            "Menyeimbangkan kemungkinan risiko dan keberhasilan dalam implementasi keputusan.",
        ]),
        ("Menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak keputusan, dan menyiapkan "
         "tindakan pengamanan (mitigasi risiko).", [
            "Menyusun atau memutuskan konsep penyelesaian masalah yang melibatkan beberapa atau seluruh fungsi "
            "organisasi.",
            "Menghasilkan solusi atas masalah kompleks di bidang kerjanya yang berdampak pada pihak lain.",
            "Membuat keputusan, mengantisipasi dampaknya, dan menyiapkan tindakan penanganannya.",
        ]),
        ("Menghasilkan solusi dan mengambil keputusan untuk mengatasi permasalahan jangka panjang atau strategis "
         "yang berdampak nasional.", [
            "Menghasilkan solusi yang mengatasi permasalahan jangka panjang.",
            "Menghasilkan solusi strategis yang berdampak pada tataran instansi atau nasional.",
            "Membuat keputusan atau kebijakan berdampak nasional dengan memitigasi risiko yang mungkin timbul.",
        ]),
    ],
    "SK.01": [  # Perekat Bangsa
        ("Peka, memahami, dan menerima kemajemukan.", [
            "Memahami, menerima, dan peka terhadap perbedaan individu atau kelompok masyarakat.",
            "Terbuka dan mau belajar tentang perbedaan atau kemajemukan masyarakat.",
            "Mampu bekerja bersama individu yang berbeda latar belakang dengannya.",
        ]),
        ("Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan.", [
            "Menampilkan sikap dan perilaku yang peduli pada nilai keberagaman dan menghargai perbedaan.",
            "Membangun hubungan baik antarindividu dalam organisasi, mitra kerja, dan pemangku kepentingan.",
            "Bersikap tenang dan mengendalikan emosi dalam menghadapi pertentangan yang timbul dari perbedaan latar "
            "belakang, agama/kepercayaan, suku, gender, sosial ekonomi, atau preferensi politik.",
        ]),
        ("Mempromosikan dan mengembangkan sikap toleransi dan persatuan.", [
            "Mempromosikan sikap menghargai perbedaan yang mendorong toleransi dan keterbukaan.",
            "Melakukan pemetaan sosial di masyarakat agar dapat merespons sesuai budaya setempat, serta mengenali "
            "potensi salah paham akibat keragaman budaya.",
            "Menjadi mediator untuk menyelesaikan konflik atau mengurangi dampak negatif konflik.",
        ]),
        ("Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan efektivitas organisasi.", [
            "Menginisiasi dan mewakili pemerintah di lingkungan kerja dan masyarakat untuk menjaga persatuan dan "
            "kesatuan dalam keberagaman.",
            "Mendayagunakan perbedaan latar belakang, agama/kepercayaan, suku, gender, sosial ekonomi, dan "
            "preferensi politik untuk kelancaran pencapaian tujuan organisasi.",
            "Membuat program yang mengakomodasi perbedaan latar belakang tersebut.",
        ]),
        ("Menjadi wakil pemerintah untuk membangun hubungan sosial psikologis.", [
            "Menjadi wakil pemerintah yang membangun hubungan sosial psikologis dengan masyarakat, sehingga tercipta "
            "kelekatan yang kuat antara ASN dan para pemangku kepentingan.",
            "Menjaga, mengembangkan, dan mewujudkan rasa persatuan dan kesatuan dalam kehidupan bermasyarakat, "
            "berbangsa, dan bernegara.",
            "Merumuskan kebijakan yang memperkuat persatuan di tengah kemajemukan masyarakat Indonesia.",
        ]),
    ],
}  # fmt: skip


def load_level_texts(apps, schema_editor):
    Competency = apps.get_model("kompetensi", "Competency")
    CompetencyLevel = apps.get_model("kompetensi", "CompetencyLevel")
    national = {c.code: c for c in Competency.objects.filter(instansi__isnull=True, code__in=LEVELS)}
    existing = {
        (row.competency_id, row.level): row
        for row in CompetencyLevel.objects.filter(competency__in=national.values())
    }
    for code, levels in LEVELS.items():
        competency = national.get(code)
        if competency is None:  # removed by a superadmin before this migration ran
            continue
        for number, (description, indicators) in enumerate(levels, start=1):
            row = existing.get((competency.pk, number)) or CompetencyLevel(competency=competency, level=number)
            # only empty texts are filled: what HR wrote stays
            row.description = row.description or description
            row.indicators = row.indicators or "\n".join(indicators)
            row.save()


class Migration(migrations.Migration):
    dependencies = [("kompetensi", "0010_national_competencies_and_match_bands")]

    operations = [
        migrations.AlterField(
            model_name="competencylevel",
            name="competency",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="levels",
                to="kompetensi.competency",
                verbose_name="kompetensi",
            ),
        ),
        migrations.RunPython(load_level_texts, migrations.RunPython.noop),
    ]
