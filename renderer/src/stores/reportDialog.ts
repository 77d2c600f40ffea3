import { defineStore } from 'pinia';
import { ref } from 'vue';

/** The new-report dialog is global (the top bar opens it anywhere); the desk listens for what was reported. */
export const useReportDialogStore = defineStore('reportDialog', () => {
  const open = ref(false);
  const lastReported = ref<{ id: string; caseNo: string } | null>(null);
  return { open, lastReported };
});
