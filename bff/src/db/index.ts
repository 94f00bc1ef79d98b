// The db module: opening the database and building the repositories; the only place that knows it is SQLite.
import { openDatabase } from './client'
import { drizzleFeedbackRepository, type FeedbackRepository } from './repositories/feedback-repository'

export interface Repositories {
  feedback: FeedbackRepository
}

export interface DataStore {
  repos: Repositories
  ping(): Promise<boolean>
  close(): Promise<void>
}

export function openDataStore(file: string): DataStore {
  const database = openDatabase(file)
  return {
    repos: { feedback: drizzleFeedbackRepository(database.db) },
    ping: database.ping,
    close: database.close,
  }
}

export type { FeedbackRepository, FeedbackRow } from './repositories/feedback-repository'
