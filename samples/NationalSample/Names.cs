namespace Cchc.Samples;

/// <summary>Syllables of Vietnamese place names, combined two at a time ("Tân Hòa", "Phú Lộc").</summary>
internal static class Names
{
    public static readonly string[] First =
    [
        "Tân", "Phú", "An", "Bình", "Hòa", "Long", "Thạnh", "Xuân", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Mỹ", "Phước",
        "Quang", "Trung", "Vĩnh", "Hiệp", "Thành", "Đức", "Hải", "Sơn", "Thanh", "Minh", "Cẩm", "Hồng", "Kim", "Ngọc",
        "Quế", "Hương", "Lạc", "Yên", "Định", "Gia", "Thái", "Nghĩa", "Hà", "Đại", "Tam", "Ngũ", "Châu", "Lương", "Phong",
    ];

    public static readonly string[] Second =
    [
        "Lộc", "Hòa", "Phú", "An", "Bình", "Thạnh", "Lợi", "Thuận", "Hưng", "Phong", "Thịnh", "Sơn", "Hải", "Lâm", "Tiến",
        "Trung", "Đông", "Tây", "Thủy", "Điền", "Mỹ", "Khánh", "Phước", "Long", "Hiệp", "Đức", "Tân", "Quang", "Thành",
        "Xuân", "Vinh", "Hà", "Hồng", "Lạc", "Yên", "Nghĩa", "Cường", "Phụng", "Dương", "Kiều", "Tường", "Giang", "Hội",
    ];
}
