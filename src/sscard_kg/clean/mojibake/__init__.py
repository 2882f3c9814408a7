"""Mojibake repair: shifted-GBK damage (`gbk_shift`), the character model that scores a reading
(`plausibility`), and the search for the lost bytes (`repair`)."""
