import type { Config } from 'tailwindcss'

// Colours chosen for WCAG 2.2 AA contrast against white and against each other.
export default {
  content: ['./app/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: '#1d3f72', dark: '#122a4f', light: '#e8eef8' },
        accent: { DEFAULT: '#0b6e4f', dark: '#07513a' },
        warn: { DEFAULT: '#b3261e', light: '#fdecea' },
        ink: { DEFAULT: '#1b1b1f', muted: '#4a4a55' },
        focus: '#ffbf47',
      },
      fontFamily: {
        sans: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
      },
    },
  },
} satisfies Config
