/**
 * One phone running the mini program as one WeChat user (a dev persona): what the client knows (temp files,
 * permissions, launch options) and what a person would see or answer (toasts, modals, the album, opened documents).
 * `wx.ts` builds the `wx` object from it; `cloud.ts` backs `wx.cloud` with the emulator.
 */
import type { AppEmulator as Emulator } from '../../../local'
import type { Persona } from '../../../local/dev/personas'
import type { FakeCanvas } from './canvas'
import { TempFiles } from './temp-files'

export interface LaunchOptions {
  path: string
  query: Record<string, string>
  scene: number
  shareTicket?: string
}

export interface Toast {
  title: string
  icon?: string
}

export interface ModalShown {
  title?: string
  content?: string
  confirmed: boolean
}

export interface SavedImage {
  filePath: string
  bytes: Buffer
}

export interface OpenedDocument {
  filePath: string
  fileType?: string
  showMenu?: boolean
  bytes: Buffer
}

export interface Navigator {
  navigateTo(url: string): void
  redirectTo(url: string): void
  navigateBack(delta: number): void
  switchTab(url: string): void
  reLaunch(url: string): void
}

export class WeChatDevice {
  readonly files = new TempFiles()
  persona: Persona
  /** What a function call answered, in order (name, action, code). */
  readonly calls: { name: string; action: unknown; code: unknown }[] = []
  /** Requests the called function's schema refuses (cloud.ts): the fixture fails the test on any. */
  readonly invalidRequests: Error[] = []
  /** What wx.cloud.uploadFile stored. */
  readonly uploads: { cloudPath: string; fileID: string }[] = []
  /** Function calls sent and not answered yet. */
  inFlight = 0
  readonly toasts: Toast[] = []
  readonly modals: ModalShown[] = []
  readonly album: SavedImage[] = []
  readonly documents: OpenedDocument[] = []
  readonly previews: string[][] = []
  readonly audio: { src: string; played: boolean }[] = []
  readonly canvases: FakeCanvas[] = []
  readonly subscribeRequests: string[][] = []
  clipboard: string | null = null
  /** Answers to the next modals, in order; true (confirm) once the queue is empty. */
  readonly modalAnswers: boolean[] = []
  subscribeAnswer: 'accept' | 'reject' = 'accept'
  privacyAgreed = true
  /** What the member answers when WeChat first asks for a scope (album…). */
  grantsScopes = true
  readonly authSetting: Record<string, boolean> = {}
  /** How long the next recording lasts before the member taps stop (no real time passes). */
  recordingMs = 4200
  launch: LaunchOptions = { path: 'pages/home/index', query: {}, scene: 1001 }
  enter: LaunchOptions = this.launch
  /** The group chat a card was opened from (share ticket / group enter info), when any. */
  group: string | null = null
  /** Set by the app harness: where navigation goes and which page the selector queries look into. */
  navigator: Navigator | null = null
  pageRoot: () => HTMLElement | undefined = () => undefined

  constructor(
    readonly emu: Emulator,
    openid: string,
  ) {
    this.persona = this.personaOf(openid)
  }

  personaOf(openid: string): Persona {
    const persona = this.emu.personas.find((p) => p.openid === openid)
    if (!persona) throw new Error(`unknown persona ${openid}`)
    return persona
  }

  /** Opens the app from a card in a group chat: scene 1044 with a share ticket (WeChat's 场景值 list). */
  enterFromGroup(groupId: string, path = this.launch.path): void {
    this.group = groupId
    this.enter = { path, query: {}, scene: 1044, shareTicket: `ticket-${groupId}` }
    this.launch = this.enter
  }

  lastToast(): string | undefined {
    return this.toasts[this.toasts.length - 1]?.title
  }
}
