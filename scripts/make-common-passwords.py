#!/usr/bin/env python3
"""Writes src/Tuntas.Data/Access/Data/common-passwords.txt: passwords people pick often, built from
common words, names, keyboard runs and the digits and years they are padded with. Only entries of
8 characters or more are kept (shorter ones fail the length rule anyway). Run from the repository root."""
import itertools, pathlib

words = """password passw0rd pass welcome admin administrator login letmein secret qwerty qwertyuiop asdfgh
asdfghjkl zxcvbn zxcvbnm iloveyou monkey dragon master sunshine princess football baseball soccer
shadow superman batman michael jennifer trustno1 whatever freedom starwars computer internet
changeme default guest user operator server database tuntas tuntasdata sistem system rahasia
indonesia bismillah sayang sayangku cintaku cinta kasih rindu bidadari merdeka jakarta bandung
surabaya bontang samarinda balikpapan kalimantan kaltim garuda pancasila allahuakbar alhamdulillah
masyaallah subhanallah insyaallah assalamualaikum bangsa negara rakyat desa kelurahan kecamatan
kabupaten dinsos dinassosial sosial bansos miskin kemiskinan keluarga rumah kantor pegawai
operator123 admin123 kucing anjing harimau elang matahari bulan bintang pelangi semangat sukses
rejeki berkah barokah selamat mantap juara jagoan ganteng cantik manis bunga melati mawar
persib persija arema ronaldo messi liverpool chelsea arsenal barcelona madrid manchester
november desember januari februari maret april juni juli agustus september oktober
senin selasa rabu kamis jumat sabtu minggu samsung nokia android iphone google facebook
instagram whatsapp youtube twitter tiktok dragonball naruto pokemon minecraft doraemon
""".split()
names = """andi budi agus ahmad muhammad dewi siti sri ayu putri putra rizky rizki fajar eko dwi tri
wahyu adi yusuf ibrahim hendra joko bambang slamet rina rini nur nurul indah lestari wati yanti
fitri dian ani susanti hadi santoso kurniawan setiawan hidayat saputra pratama permana
john david james robert daniel jessica ashley amanda sarah maria anna
""".split()
keyboard = """qwertyuiop qwertyuiop123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc qazwsxedc qazwsx123
zaq12wsx asdfghjkl asdf1234 qwer1234 qwerty123456 1234qwer abcd1234 abc12345 abcdefgh abcdefghijkl
12345678 123456789 1234567890 12345678910 123123123 123456123456 111111111111 000000000000
123456654321 987654321 9876543210 147258369 159753 11223344 1122334455 aaaaaaaa 121212121212
qweasdzxc qweasd123 poiuytrewq mnbvcxz lkjhgfdsa 741852963 963852741 zxcvbnm123 asdasdasd
""".split()
suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
            "!", "!!", "@", "#", "01", "007", "99", "2000", "321", "111", "000", "!@#", "@123", "#1", "1!"]
years = [str(y) for y in range(1980, 2027)]

out = set()
def add(p):
    if len(p) >= 8:
        out.add(p.lower())

for w in words + names:
    for s in suffixes + years:
        add(w + s)
    add(w * 2)
    add(w + w + "1")
    add(w.capitalize() + "123")
for a, b in itertools.product(["aku", "saya", "i", "my", "love", "cinta", "sayang"], words + names):
    add(a + b)
    add(a + b + "123")
for k in keyboard:
    for s in suffixes[:10]:
        add(k + s)
for n in names:
    for w in ["sayang", "cinta", "ganteng", "cantik", "love", "manis"]:
        add(n + w)
        add(w + n)
# Passwords built around the system's own name. The demo accounts' published password (contracts §8)
# is left out on purpose: the demo must keep signing in with it.
for p in ["password1234", "password12345", "tuntas123", "tuntas2025",
          "passwordpassword", "welcome12345", "administrator1", "bismillah123", "indonesia123",
          "indonesiaraya", "indonesiamerdeka", "merdeka1945", "indonesia1945", "bhinnekatunggalika"]:
    add(p)

path = pathlib.Path("src/Tuntas.Data/Access/Data/common-passwords.txt")
path.write_text("".join(p + "\n" for p in sorted(out)), encoding="utf-8")
print(len(out), "entries,", path.stat().st_size, "bytes")
