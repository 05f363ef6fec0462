// Reading the files a user picked or dropped (folders included) as text.
import type { TextFile } from "./import-files.js";

export async function readFiles(files: Iterable<File>): Promise<TextFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
}

type Entry = FileSystemEntry;

function entryFiles(entry: Entry): Promise<File[]> {
  if (entry.isFile) return new Promise((resolve, reject) => (entry as FileSystemFileEntry).file((f) => resolve([f]), reject));
  if (!entry.isDirectory) return Promise.resolve([]);
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return new Promise((resolve, reject) => {
    const all: Entry[] = [];
    const next = () =>
      reader.readEntries(async (batch) => {
        if (batch.length === 0) {
          try {
            resolve((await Promise.all(all.map(entryFiles))).flat());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        } else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

/** The files of a drop: plain files, and every file inside dropped folders. */
export async function droppedFiles(data: DataTransfer): Promise<TextFile[]> {
  const entries = [...data.items].map((item) => (item.kind === "file" ? item.webkitGetAsEntry() : null)).filter((e): e is Entry => e !== null);
  if (entries.length > 0 && entries.some((e) => e.isDirectory)) return readFiles((await Promise.all(entries.map(entryFiles))).flat());
  return readFiles(data.files);
}
