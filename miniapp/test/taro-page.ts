// A stand-in for @tarojs/taro as a page sees it, for hook tests: taro-mock's request and storage, plus the page's
// life (useDidShow / useDidHide fired by page.show() and page.hide(), useRouter's params), navigation, the modal and
// the page's chrome (navigation title, tab bar texts), recorded. Install it with:
//   jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('./taro-page')>('./taro-page').taroModule)
import { useEffect, useRef } from 'react'
import { act } from '@testing-library/react'
import { taro } from './taro-mock'

const showHandlers = new Set<() => void>()
const hideHandlers = new Set<() => void>()

function useLifecycle(handlers: Set<() => void>, callback: () => void): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const run = () => latest.current()
    handlers.add(run)
    return () => void handlers.delete(run)
  }, [handlers])
}

/** The page's ?query (useRouter().params); the same object until a test replaces it. */
let params: Record<string, string> = {}

/** The id of the page in front's element (Taro's H5 router: path and a stamp). */
export const PAGE_ID = '/pages/test/index?stamp=AA'

/** What a modal answers next (oldest first); with nothing queued the citizen confirms. */
const modalAnswers: boolean[] = []

export const navigation = {
  navigateTo: jest.fn(async (_o: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async (_o: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  switchTab: jest.fn(async (_o: { url: string }) => ({ errMsg: 'switchTab:ok' })),
  reLaunch: jest.fn(async (_o: { url: string }) => ({ errMsg: 'reLaunch:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  showModal: jest.fn(async (_o: { title?: string; content?: string; confirmText?: string }) => {
    const confirm = modalAnswers.shift() ?? true
    return { confirm, cancel: !confirm, errMsg: 'showModal:ok' }
  }),
  getCurrentPages: jest.fn((): { route?: string }[] => []),
  // The page in front, as Taro's H5 router names its element (i18n/shell labels it).
  getCurrentInstance: jest.fn(() => ({ router: { $taroPath: PAGE_ID } })),
  // The page's chrome: its navigation title and the tab bar's texts (i18n/shell sets them in the chosen language).
  setNavigationBarTitle: jest.fn(async (_o: { title: string }) => ({ errMsg: 'setNavigationBarTitle:ok' })),
  setTabBarItem: jest.fn(async (_o: { index: number; text?: string }) => ({ errMsg: 'setTabBarItem:ok' })),
}

export const page = {
  /** The page comes to the front (first show, or back from another page): useDidShow handlers run. */
  async show(): Promise<void> {
    await act(async () => showHandlers.forEach((run) => run()))
  },
  /** Another page covers this one: useDidHide handlers run. */
  async hide(): Promise<void> {
    await act(async () => hideHandlers.forEach((run) => run()))
  },
  setParams(next: Record<string, string>): void {
    params = next
  },
  /** The next modals' answers: true confirms, false cancels. */
  answerModals(...answers: boolean[]): void {
    modalAnswers.push(...answers)
  },
  /** The url of every navigation of one kind, in order. */
  urls(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch'): string[] {
    return navigation[kind].mock.calls.map(([o]) => o.url)
  },
}

/** Before each test: no page, no params, no queued modal answers, navigation records cleared. */
export function resetPage(): void {
  showHandlers.clear()
  hideHandlers.clear()
  params = {}
  modalAnswers.length = 0
  for (const fn of Object.values(navigation)) fn.mockClear()
  navigation.getCurrentPages.mockImplementation(() => [])
}

export const taroModule = {
  __esModule: true,
  default: { ...taro, ...navigation },
  useDidShow: (callback: () => void) => useLifecycle(showHandlers, callback),
  useDidHide: (callback: () => void) => useLifecycle(hideHandlers, callback),
  useRouter: () => ({ params }),
}
