import type { SVGProps } from 'react';

/** A small set of 16px stroke icons, inline so nothing is fetched at run time. */
type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 16, children, ...rest }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const IconConnector = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="4" cy="4" r="2" />
    <circle cx="12" cy="12" r="2" />
    <path d="M6 4h3a2 2 0 0 1 2 2v4" />
  </Svg>
);
export const IconFlow = (p: IconProps) => (
  <Svg {...p}>
    <rect x="1.5" y="2" width="5" height="4" rx="1" />
    <rect x="9.5" y="10" width="5" height="4" rx="1" />
    <path d="M4 6v3a1 1 0 0 0 1 1h4.5" />
  </Svg>
);
export const IconContacts = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="5.5" r="2.5" />
    <path d="M3 14c.5-2.5 2.5-4 5-4s4.5 1.5 5 4" />
  </Svg>
);
export const IconExecutions = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2 8h2.5l1.5-4 3 8 1.5-4H14" />
  </Svg>
);
export const IconKey = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="5" cy="10" r="3" />
    <path d="M7.2 7.8 13 2m-2 2 1.5 1.5M9.5 5.5 11 7" />
  </Svg>
);
export const IconApiKey = (p: IconProps) => (
  <Svg {...p}>
    <path d="m5 4.5-3.5 3.5 3.5 3.5M11 4.5l3.5 3.5-3.5 3.5M9.5 3l-3 10" />
  </Svg>
);
export const IconTemplate = (p: IconProps) => (
  <Svg {...p}>
    <rect x="2" y="2" width="5" height="5" rx="1" />
    <rect x="9" y="2" width="5" height="5" rx="1" />
    <rect x="2" y="9" width="5" height="5" rx="1" />
    <path d="M11.5 9.5v4m-2-2h4" />
  </Svg>
);
export const IconPlus = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 3v10M3 8h10" />
  </Svg>
);
export const IconSearch = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Svg>
);
export const IconSun = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </Svg>
);
export const IconMoon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7Z" />
  </Svg>
);
export const IconChevronDown = (p: IconProps) => (
  <Svg {...p}>
    <path d="m4 6 4 4 4-4" />
  </Svg>
);
export const IconChevronLeft = (p: IconProps) => (
  <Svg {...p}>
    <path d="m10 4-4 4 4 4" />
  </Svg>
);
export const IconClose = (p: IconProps) => (
  <Svg {...p}>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Svg>
);
export const IconTrash = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />
  </Svg>
);
export const IconCopy = (p: IconProps) => (
  <Svg {...p}>
    <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
    <path d="M3 10.5V3.5A1 1 0 0 1 4 2.5h6.5" />
  </Svg>
);
export const IconDownload = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M2.5 13.5h11" />
  </Svg>
);
export const IconUpload = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 10V2M4.5 5.5 8 2l3.5 3.5M2.5 13.5h11" />
  </Svg>
);
export const IconPlay = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4.5 2.5v11l9-5.5z" />
  </Svg>
);
export const IconUndo = (p: IconProps) => (
  <Svg {...p}>
    <path d="M5.5 3 2.5 6l3 3" />
    <path d="M2.5 6H10a3.5 3.5 0 0 1 0 7H7" />
  </Svg>
);
export const IconRedo = (p: IconProps) => (
  <Svg {...p}>
    <path d="m10.5 3 3 3-3 3" />
    <path d="M13.5 6H6a3.5 3.5 0 0 0 0 7h3" />
  </Svg>
);
export const IconLayout = (p: IconProps) => (
  <Svg {...p}>
    <rect x="5.5" y="1.5" width="5" height="3.5" rx="1" />
    <rect x="1.5" y="11" width="5" height="3.5" rx="1" />
    <rect x="9.5" y="11" width="5" height="3.5" rx="1" />
    <path d="M8 5v3M4 11V8h8v3" />
  </Svg>
);
export const IconSettings = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2.5 4.5h6m3 0h2M2.5 11.5h2m3 0h6" />
    <circle cx="10" cy="4.5" r="1.5" />
    <circle cx="6" cy="11.5" r="1.5" />
  </Svg>
);
export const IconTerminal = (p: IconProps) => (
  <Svg {...p}>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="m4.5 6 2 2-2 2M8.5 10.5h3" />
  </Svg>
);
export const IconCheck = (p: IconProps) => (
  <Svg {...p}>
    <path d="m3 8.5 3 3 7-7" />
  </Svg>
);
export const IconAlert = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 1.8 14.5 13.5h-13z" />
    <path d="M8 6.5v3M8 11.5v.2" />
  </Svg>
);
export const IconSignOut = (p: IconProps) => (
  <Svg {...p}>
    <path d="M6 2.5H3.5a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1H6M10.5 5l3 3-3 3M13.5 8H6" />
  </Svg>
);
export const IconGlobe = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="M2 8h12M8 2c1.8 1.8 2.5 3.8 2.5 6S9.8 12.2 8 14c-1.8-1.8-2.5-3.8-2.5-6S6.2 3.8 8 2" />
  </Svg>
);
export const IconBranch = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 1.5 14.5 8 8 14.5 1.5 8z" />
  </Svg>
);
export const IconFunction = (p: IconProps) => (
  <Svg {...p}>
    <path d="M10.5 2.5c-2 0-2.5 1-2.8 3L6.8 11c-.3 1.8-.8 2.5-2.3 2.5M5 6.5h5" />
  </Svg>
);
export const IconOutput = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="6" cy="5" r="2.5" />
    <path d="M1.5 13.5c.5-2.3 2.2-3.5 4.5-3.5 1 0 1.9.2 2.6.7M11 9v5m-2.5-2.5L11 14l2.5-2.5" />
  </Svg>
);
export const IconFit = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2 5.5V2.5a.5.5 0 0 1 .5-.5h3M10.5 2h3a.5.5 0 0 1 .5.5v3M14 10.5v3a.5.5 0 0 1-.5.5h-3M5.5 14h-3a.5.5 0 0 1-.5-.5v-3" />
  </Svg>
);

/* Flow Builder node icons. */
export const IconBolt = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 1.5 3.5 9H8l-1 5.5L12.5 7H8l1-5.5Z" />
  </Svg>
);

export const IconClock = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.5V8l2.5 1.5" />
  </Svg>
);

export const IconUserEdit = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="6.5" cy="5" r="2.5" />
    <path d="M2 13.5c.4-2.3 2.2-3.8 4.5-3.8 1 0 1.9.3 2.6.8" />
    <path d="m10.5 14 .3-1.6 3-3 1.3 1.3-3 3-1.6.3Z" />
  </Svg>
);

export const IconExpand = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9.5 2.5h4v4M6.5 13.5h-4v-4M13.5 2.5 9 7M2.5 13.5 7 9" />
  </Svg>
);

export const IconExternal = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 2.5h4.5V7M13.5 2.5 7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" />
  </Svg>
);
