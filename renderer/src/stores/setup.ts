import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api/client';

/** Whether the database still needs setting up; asked once per app start, since only the setup page changes it. */
export const useSetupStore = defineStore('setup', () => {
  const needsSetup = ref<boolean | null>(null);

  async function ensureKnown(): Promise<void> {
    if (needsSetup.value !== null) return;
    needsSetup.value = (await call('setup.status', {})).needsSetup;
  }

  function markDone(): void {
    needsSetup.value = false;
  }

  return { needsSetup, ensureKnown, markDone };
});
