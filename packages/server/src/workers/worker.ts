// The piscina worker of the server: runs one task (tasks.ts) per call, answering its reply as data.
import { runTask, type TaskReply, type WorkerTask } from "./tasks.js";

export default function task(t: WorkerTask): Promise<TaskReply> {
  return runTask(t);
}
