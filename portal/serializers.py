from rest_framework import serializers

from .models import Pegawai


class PegawaiSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(read_only=True)
    instansi = serializers.CharField(source="instansi.name", read_only=True)
    unit = serializers.CharField(source="unit.name", read_only=True)
    unit_id = serializers.IntegerField(read_only=True)
    jabatan = serializers.CharField(source="jabatan.name", read_only=True, default=None)
    pangkat = serializers.CharField(source="pangkat.golongan_ruang", read_only=True, default=None)
    atasan_nip = serializers.CharField(source="atasan.nip", read_only=True, default=None)

    class Meta:
        model = Pegawai
        fields = [
            "id", "nip", "full_name", "nama", "status", "instansi", "unit", "unit_id", "jabatan", "pangkat",
            "tmt_pangkat", "atasan_nip", "email", "phone",
        ]  # fmt: skip
        read_only_fields = fields


class MeSerializer(PegawaiSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    roles = serializers.SerializerMethodField()
    time_zone = serializers.CharField(source="instansi.time_zone", read_only=True)

    class Meta(PegawaiSerializer.Meta):
        fields = [*PegawaiSerializer.Meta.fields, "username", "roles", "time_zone"]
        read_only_fields = fields

    def get_roles(self, obj) -> list[str]:
        return sorted(obj.user.groups.values_list("name", flat=True))
