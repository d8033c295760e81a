import type { StoredRepository } from "./model";

// Fixed ids so that tests, examples and a restarted emulator agree on them.
export const DEFAULT_PROXY_ID = "8a2b2a1c-4c3e-4f5e-9d6b-1f3a5c7e9b20";
export const DEFAULT_REPOSITORY_ID = "3f0f5d8e-2c1a-4b7e-8f3d-6a9c1e2b4d70";
export const ARCHIVE_REPOSITORY_ID = "c7e1a4b2-9d3f-4e6a-b8c5-0f2d4a6e8b91";

/** The backup repositories every emulator starts with (GET /BackupRepositories). */
export function seedRepositories(): StoredRepository[] {
  return [
    {
      id: DEFAULT_REPOSITORY_ID,
      name: "Default Backup Repository",
      description: "Created by Veeam Backup for Microsoft 365",
      path: "C:\\VeeamRepository",
      proxyId: DEFAULT_PROXY_ID,
      capacityBytes: 1_099_511_627_776,
      freeSpaceBytes: 879_609_302_220,
      retentionType: "ItemLevel",
      retentionPeriodType: "Yearly",
      yearlyRetentionPeriod: "Years3",
      dailyRetentionPeriod: null,
      retentionFrequencyType: "Daily",
      dailyTime: "18:00:00",
      dailyType: "Everyday",
      isLongTerm: false,
    },
    {
      id: ARCHIVE_REPOSITORY_ID,
      name: "Archive Repository",
      description: "Snapshot-based retention for long-term copies",
      path: "D:\\VeeamArchive",
      proxyId: DEFAULT_PROXY_ID,
      capacityBytes: 4_398_046_511_104,
      freeSpaceBytes: 4_000_000_000_000,
      retentionType: "SnapshotBased",
      retentionPeriodType: "Daily",
      yearlyRetentionPeriod: null,
      dailyRetentionPeriod: 365,
      retentionFrequencyType: "Daily",
      dailyTime: "20:00:00",
      dailyType: "Everyday",
      isLongTerm: true,
    },
  ];
}
