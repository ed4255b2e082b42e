-- A verification history for benchmarks over generated households (scripts/bench-*.sh):
-- listings spread over 2022-2024; four in five verified 30-200 days later; of those, three in four
-- graduated 100-700 days after; half of the rest excluded. Nothing after 2025. Actor 'bench', no visits.
UPDATE HouseholdStatusEvents SET EffectiveDate = date('2022-01-01', '+' || ((HouseholdId * 7919) % 1096) || ' days') WHERE "To" = 'Listed';
INSERT INTO HouseholdStatusEvents ("HouseholdId", "From", "To", "EffectiveDate", "RecordedAt", "Actor", "Reason", "Source", "VillageCode", "DistrictCode", "RegencyCode", "ProvinceCode")
  SELECT HouseholdId, 'Listed', 'Verified', date(EffectiveDate, '+' || (30 + (HouseholdId * 31) % 170) || ' days'), RecordedAt, 'bench', 'bench', 'bench', VillageCode, DistrictCode, RegencyCode, ProvinceCode
  FROM HouseholdStatusEvents WHERE "To" = 'Listed' AND HouseholdId % 5 <> 0;
INSERT INTO HouseholdStatusEvents ("HouseholdId", "From", "To", "EffectiveDate", "RecordedAt", "Actor", "Reason", "Source", "VillageCode", "DistrictCode", "RegencyCode", "ProvinceCode")
  SELECT HouseholdId, 'Verified', 'Graduated', date(EffectiveDate, '+' || (100 + (HouseholdId * 17) % 600) || ' days'), RecordedAt, 'bench', 'bench', 'bench', VillageCode, DistrictCode, RegencyCode, ProvinceCode
  FROM HouseholdStatusEvents WHERE "To" = 'Verified' AND HouseholdId % 4 <> 0;
INSERT INTO HouseholdStatusEvents ("HouseholdId", "From", "To", "EffectiveDate", "RecordedAt", "Actor", "Reason", "Source", "VillageCode", "DistrictCode", "RegencyCode", "ProvinceCode")
  SELECT HouseholdId, 'Listed', 'Excluded', date(EffectiveDate, '+' || (20 + (HouseholdId * 13) % 300) || ' days'), RecordedAt, 'bench', 'bench', 'bench', VillageCode, DistrictCode, RegencyCode, ProvinceCode
  FROM HouseholdStatusEvents WHERE "To" = 'Listed' AND HouseholdId % 10 = 0;
DELETE FROM HouseholdStatusEvents WHERE EffectiveDate > '2025-12-31';
ANALYZE;
