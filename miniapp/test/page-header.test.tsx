/** @jest-environment jsdom */
// The page header's 开发环境 badge: shown in a development build (login through the WeChat stand-in), never otherwise.
import { createElement, type ReactNode } from 'react'
import { render, screen } from '@testing-library/react'
import { PageHeader } from '../src/components/page-header'
import { t } from '../src/i18n'
import { platform, resetPlatform } from './platform-double'

jest.mock('../src/platform', () => jest.requireActual<typeof import('./platform-double')>('./platform-double').platform)
jest.mock('@tarojs/components', () => ({
  __esModule: true,
  View: ({ children }: { children?: ReactNode }) => createElement('div', null, children),
  Text: ({ children }: { children?: ReactNode }) => createElement('span', null, children),
}))

beforeEach(() => resetPlatform())

it('a development build’s header says 开发环境 above its title', () => {
  platform.isDevBuild.mockReturnValue(true)
  render(createElement(PageHeader, { title: '卡包' }))
  expect(t('app.devBuild')).toBe('开发环境')
  expect(screen.getByText('开发环境')).toBeTruthy()
  expect(screen.getByText('卡包')).toBeTruthy()
})

it('a production build’s header has no such badge', () => {
  platform.isDevBuild.mockReturnValue(false)
  render(createElement(PageHeader, { title: '卡包' }))
  expect(screen.queryByText('开发环境')).toBeNull()
  expect(screen.getByText('卡包')).toBeTruthy()
})
